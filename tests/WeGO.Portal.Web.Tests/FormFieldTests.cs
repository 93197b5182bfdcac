using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The form-field tag helper's markup, on the schedule form after a post that leaves the venue
/// empty.</summary>
public sealed class FormFieldTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public FormFieldTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private async Task<IDocument> ScheduleFormAfterFailedPostAsync()
    {
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);
        using var response = await staff.PostFormAsync(
            "/Visits/Schedule",
            [
                new("Input.OrganizationName", "Ansan"),
                new("Input.CountryCode", "KR"),
                new("Input.Purpose", "Smart-city exchange"),
                new("Input.Date", "2026-12-10"),
                new("Input.StartTime", "14:00"),
                new("Input.EndTime", "15:00"),
                new("Input.TimeZoneId", "Asia/Seoul"),
                new("Input.Venue", ""),
                new("Input.OtherHostName", "Lii Inn Tan"),
            ]
        );
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private int ValidatorMaximumLength(string property)
    {
        using var scope = portal.Services.CreateScope();
        var validator = scope.ServiceProvider.GetRequiredService<IValidator<VisitTimeAndPlace>>();
        return validator
            .CreateDescriptor()
            .GetRulesForMember(property)
            .SelectMany(rule => rule.Components)
            .Select(component => component.Validator)
            .OfType<ILengthValidator>()
            .Single()
            .Max;
    }

    [Fact]
    public async Task A_field_with_an_error_is_labelled_described_by_its_error_and_marked_invalid()
    {
        var page = await ScheduleFormAfterFailedPostAsync();

        var venue = page.QuerySelector("#Input_Venue")!;
        Assert.Equal("Input.Venue", venue.GetAttribute("name"));
        Assert.Equal("Venue", page.QuerySelector("label[for=Input_Venue]")!.TextContent);
        Assert.NotNull(page.QuerySelector("label[for=Input_Venue] + .required-mark"));
        Assert.True(venue.HasAttribute("required"));
        Assert.Equal("true", venue.GetAttribute("aria-invalid"));
        Assert.Contains("is-invalid", venue.ClassList);
        Assert.Equal("Input_Venue-error", venue.GetAttribute("aria-describedby"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#Input_Venue-error")!.TextContent));
    }

    [Fact]
    public async Task Maxlength_is_the_validators_maximum_length()
    {
        var page = await ScheduleFormAfterFailedPostAsync();

        Assert.Equal(
            ValidatorMaximumLength(nameof(VisitPlan.Venue)).ToString(CultureInfo.InvariantCulture),
            page.QuerySelector("#Input_Venue")!.GetAttribute("maxlength")
        );
        Assert.Equal(
            ValidatorMaximumLength(nameof(VisitPlan.Purpose)).ToString(CultureInfo.InvariantCulture),
            page.QuerySelector("textarea#Input_Purpose")!.GetAttribute("maxlength")
        );
    }

    [Fact]
    public async Task A_valid_optional_field_with_a_hint_is_described_by_the_hint_only()
    {
        var page = await ScheduleFormAfterFailedPostAsync();

        var purpose = page.QuerySelector("#Input_Purpose")!;
        Assert.Null(purpose.GetAttribute("aria-invalid"));
        Assert.Null(purpose.GetAttribute("aria-describedby"));
        var region = page.QuerySelector("select#Input_Region")!;
        Assert.False(region.HasAttribute("required"));
        Assert.Null(page.QuerySelector("label[for=Input_Region] + .required-mark"));
        Assert.Equal("Input_Region-hint", region.GetAttribute("aria-describedby"));
        Assert.NotEmpty(page.QuerySelector("#Input_Region-hint")!.TextContent);
        Assert.Equal("Ansan", page.QuerySelector("#Input_OrganizationName")!.GetAttribute("value"));
    }
}
