using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The public form's use case on one portal for the class: each test writes for a city of its own (a made-up
/// name no other test's resembles, since the form matches similar names) and looks at its own inquiry, mails and
/// records, or counts relative to before.</summary>
public sealed partial class SubmitMembershipInquiryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A city of the test's own, "Xyzia City Council", and the word that makes it distinct.</summary>
    private static (string Word, string Name) OwnCity()
    {
        var word = TestData.DistinctWord();
        word = char.ToUpperInvariant(word[0]) + word[1..];
        return (word, $"{word} City Council");
    }

    /// <summary>The city's record as the Secretariat already keeps it after its visit.</summary>
    private Task<int> KnownCityAsync(string name, string word) =>
        portal.WithDbAsync(async db =>
        {
            var city = new Organization(
                name,
                "MY",
                Region.AsiaPacific,
                OrganizationKind.LocalGovernment,
                $"Majlis Bandaraya {word}"
            );
            db.Organizations.Add(city);
            await db.SaveChangesAsync();
            return city.Id;
        });

    private Task<MembershipInquiry> InquiryAsync(string reference) =>
        portal.WithDbAsync(db => db.MembershipInquiries.SingleAsync(i => i.Reference == reference));

    internal static SubmitMembershipInquiry.Command Seremban(string name = "Seremban City Council") =>
        TestData.SerembanInquiry(name);

    private Task<int> CountAsync<T>()
        where T : class => portal.WithDbAsync(db => db.Set<T>().CountAsync());

    [Fact]
    public async Task An_inquiry_from_Seremban_is_matched_to_its_record_filed_with_the_Secretariat_and_mails_both()
    {
        var (word, name) = OwnCity();
        var cityId = await KnownCityAsync(name, word);
        var organizations = await CountAsync<Organization>();

        var result = await portal.SendAsync(Seremban(name));

        Assert.Matches(ReferenceFormat(), result.Reference);
        var inquiry = await InquiryAsync(result.Reference);
        var seremban = await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == cityId));
        var secretariat = await portal.WithDbAsync(db => db.RegionalOffices.SingleAsync(o => o.IsSecretariat));
        Assert.Equal(result.Reference, inquiry.Reference);
        Assert.Equal(seremban.Id, inquiry.OrganizationId);
        Assert.Equal(secretariat.Id, inquiry.RegionalOfficeId);
        Assert.Null(inquiry.OwnerUserId);
        Assert.Equal(InquiryStage.New, inquiry.Stage);
        Assert.Equal(MembershipInterest.FeasibilityStudies | MembershipInterest.CapacityBuilding, inquiry.Interests);
        Assert.Equal(organizations, await CountAsync<Organization>());

        var mails = await portal.WithDbAsync(db =>
            db.OutboxMessages.Where(m => m.Subject.Contains(result.Reference) || m.Body.Contains(result.Reference))
                .OrderBy(m => m.Id)
                .ToListAsync()
        );
        Assert.Equal(2, mails.Count);
        Assert.Equal("lee.kaiyet@mbs.gov.my", mails[0].To);
        Assert.Equal("en", mails[0].Language);
        Assert.Contains(result.Reference, mails[0].Subject, StringComparison.Ordinal);
        Assert.Contains(
            $"http://localhost:5000/Membership/Status/{result.StatusToken}",
            mails[0].Body,
            StringComparison.Ordinal
        );
        Assert.Equal("secretariat@wego-portal.local", mails[1].To);
        Assert.Equal("en", mails[1].Language);
        Assert.Contains(name, mails[1].Subject, StringComparison.Ordinal);
        Assert.Contains("Malaysia", mails[1].Body, StringComparison.Ordinal);
        Assert.Contains("Lee Kai Yet, Councillor", mails[1].Body, StringComparison.Ordinal);
        Assert.Contains(
            "Capacity-building projects; Feasibility studies; Urban-planning strategy and inclusion",
            mails[1].Body,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"http://localhost:5000/Membership/Inquiries?q={result.Reference}",
            mails[1].Body,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(result.StatusToken, mails[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0} city-council")]
    [InlineData("{0} City Counsil")]
    [InlineData("Majlis Bandaraya {0}")]
    public async Task A_close_spelling_of_Seremban_is_matched_to_the_same_record(string spelling)
    {
        var (word, name) = OwnCity();
        var cityId = await KnownCityAsync(name, word);
        var typed = string.Format(CultureInfo.InvariantCulture, spelling, word);
        var organizations = await CountAsync<Organization>();

        var result = await portal.SendAsync(Seremban(typed));

        Assert.Equal(cityId, (await InquiryAsync(result.Reference)).OrganizationId);
        Assert.Equal(organizations, await CountAsync<Organization>());
    }

    [Fact]
    public async Task A_new_city_gets_its_own_record_with_kind_population_and_region_and_its_regional_office()
    {
        var city = $"Cuenca {OwnCity().Word}";
        var result = await portal.SendAsync(
            Seremban(city) with
            {
                CountryCode = "ec",
                Population = 636_996,
                PreferredLanguage = "es",
                Email = "alcaldia@cuenca.example.org",
            }
        );

        var inquiry = await InquiryAsync(result.Reference);
        var cuenca = await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Name == city));
        var office = await portal.WithDbAsync(db =>
            db.RegionalOffices.SingleAsync(o => o.Id == inquiry.RegionalOfficeId)
        );
        Assert.Equal(cuenca.Id, inquiry.OrganizationId);
        Assert.Equal(
            ("EC", Region.LatinAmerica, OrganizationKind.LocalGovernment, (int?)636_996),
            (cuenca.CountryCode, cuenca.Region, cuenca.Kind, cuenca.Population)
        );
        Assert.Equal("Cuenca", office.City);

        var confirmation = await portal.WithDbAsync(db =>
            db.OutboxMessages.SingleAsync(m => m.To == "alcaldia@cuenca.example.org")
        );
        Assert.Equal("es", confirmation.Language);
        Assert.Contains("Hemos recibido su consulta", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Su número de referencia", confirmation.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Population_is_kept_for_local_governments_only()
    {
        var company = $"{OwnCity().Word} Smart Solutions Sdn Bhd";
        var result = await portal.SendAsync(
            Seremban(company) with
            {
                Kind = OrganizationKind.SolutionProvider,
                Population = 5000,
            }
        );

        Assert.Null((await InquiryAsync(result.Reference)).Population);
        Assert.Null(
            await portal.WithDbAsync(db =>
                db.Organizations.Where(o => o.Name == company).Select(o => o.Population).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task Only_the_hash_of_the_status_token_is_stored_and_the_token_finds_the_status()
    {
        var name = OwnCity().Name;
        var result = await portal.SendAsync(Seremban(name));

        var stored = (await InquiryAsync(result.Reference)).StatusToken;
        Assert.Equal(PrivateLinks.TokenLength, result.StatusToken.Length);
        Assert.NotEqual(result.StatusToken, stored);
        Assert.Equal(PrivateLinks.HashStatusToken(result.StatusToken), stored);

        var status = await portal.SendAsync(new GetInquiryStatus.Query(result.StatusToken));
        Assert.NotNull(status);
        Assert.Equal(
            (result.Reference, name, InquiryStage.New),
            (status.Reference, status.OrganizationName, status.Stage)
        );
        Assert.Null(await portal.SendAsync(new GetInquiryStatus.Query(stored)));
        Assert.Null(await portal.SendAsync(new GetInquiryStatus.Query(PrivateLinks.NewStatusToken())));
        Assert.Null(await portal.SendAsync(new GetInquiryStatus.Query("../../etc/passwd")));
        Assert.Null(await portal.SendAsync(new GetInquiryStatus.Query(null)));
    }

    [Fact]
    public async Task Thirty_two_people_submitting_at_once_all_get_different_references()
    {
        var (inquiries, mails) = (await CountAsync<MembershipInquiry>(), await CountAsync<OutboxMessage>());
        var name = OwnCity().Name;

        var results = await Task.WhenAll(
            Enumerable
                .Range(1, 32)
                .Select(i => portal.SendAsync(Seremban(name) with { Email = $"official{i}@mbs.gov.my" }))
        );

        Assert.Equal(32, results.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(32, results.Select(r => r.StatusToken).Distinct().Count());
        Assert.Equal(inquiries + 32, await CountAsync<MembershipInquiry>());
        Assert.Equal(mails + 64, await CountAsync<OutboxMessage>());
    }

    [Fact]
    public async Task An_unknown_visit_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var (inquiries, mails) = (await CountAsync<MembershipInquiry>(), await CountAsync<OutboxMessage>());

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(Seremban(OwnCity().Name) with { VisitId = 987_654 })
        );

        Assert.Equal("Inquiry.VisitUnknown", refused.Code);
        Assert.Equal(inquiries, await CountAsync<MembershipInquiry>());
        Assert.Equal(mails, await CountAsync<OutboxMessage>());
    }

    [Fact]
    public async Task The_visit_an_inquirer_took_part_in_is_offered_by_city_and_date_and_recorded()
    {
        var (_, name) = OwnCity();
        var visitId = await portal.VisitToReportAsync(c => c with { OrganizationName = name });

        var visits = (await portal.SendAsync(new ListVisitsForInquiry.Query())).Visits;
        var seremban = Assert.Single(visits, v => v.Id == visitId);
        Assert.Equal((name, new DateOnly(2024, 10, 7)), (seremban.City, seremban.Date));

        var result = await portal.SendAsync(Seremban(name) with { VisitId = seremban.Id });

        Assert.Equal(seremban.Id, (await InquiryAsync(result.Reference)).VisitId);
    }

    public static TheoryData<string, string?> Refusals() =>
        new()
        {
            { "OrganizationName", "" },
            { "OrganizationName", new string('x', 201) },
            { "OrganizationName", "Seremban\u202ECity" },
            { "OrganizationName", "Seremban\0" },
            { "CountryCode", "XX" },
            { "ContactName", "Lee\r\nBcc: someone@example.org" },
            { "Email", "not-an-address" },
            { "Email", "<script>@x.org" },
            { "Email", "lee@mbs" },
            { "Phone", "06-762 0000" },
            { "Phone", "+60 abc" },
            { "Phone", "+1 23" },
            { "PreferredLanguage", "fr" },
            { "Message", "Hello\0world" },
            { "Message", new string('m', 4001) },
        };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_stored(string field, string? value)
    {
        var command = Seremban(OwnCity().Name);
        typeof(SubmitMembershipInquiry.Command).GetProperty(field)!.SetValue(command, value);
        var (inquiries, mails) = (await CountAsync<MembershipInquiry>(), await CountAsync<OutboxMessage>());
        var organizations = await CountAsync<Organization>();

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => portal.SendAsync(command));

        Assert.Equal(field, Assert.Single(refused.Errors).PropertyName);
        Assert.Equal(inquiries, await CountAsync<MembershipInquiry>());
        Assert.Equal(mails, await CountAsync<OutboxMessage>());
        Assert.Equal(organizations, await CountAsync<Organization>());
    }

    [Fact]
    public async Task Broken_text_with_a_lone_surrogate_is_refused()
    {
        // Built here: test-case data would be serialized and the lone surrogate replaced on the way.
        var lone = "Lee " + '\uD800';

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            portal.SendAsync(Seremban() with { ContactName = lone, Message = lone })
        );

        Assert.Equal(["ContactName", "Message"], refused.Errors.Select(e => e.PropertyName).Order());
        Assert.True(InquiryText.IsSingleLine("Emoji are fine 🏙️"));
    }

    [Fact]
    public async Task Consent_kind_population_and_interests_are_checked()
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            portal.SendAsync(
                Seremban() with
                {
                    ConsentGiven = false,
                    Kind = null,
                    Population = -3,
                    Interests = [(MembershipInterest)3],
                    VisitId = -1,
                }
            )
        );

        Assert.Equal(
            ["ConsentGiven", "Interests[0]", "Kind", "Population", "VisitId"],
            refused.Errors.Select(e => e.PropertyName).Order()
        );
    }

    [Theory]
    [InlineData("+60 6-762 0000")]
    [InlineData("+82 2 2133 0000")]
    [InlineData("+1 (212) 555-0100")]
    [InlineData("+593.7.284.5000")]
    public void International_phone_numbers_are_accepted(string phone) =>
        Assert.True(InquiryText.IsInternationalPhone(phone));

    [Theory]
    [InlineData("lee@mbs.gov.my")]
    [InlineData("alcaldia@cuenca.gob.ec")]
    [InlineData("o'brien+wego@city.ie")]
    [InlineData("시장@서울.kr")]
    public void Real_addresses_are_accepted(string email) => Assert.True(InquiryText.IsEmail(email));

    [GeneratedRegex("^WGO-20[0-9]{2}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}$")]
    private static partial Regex ReferenceFormat();
}
