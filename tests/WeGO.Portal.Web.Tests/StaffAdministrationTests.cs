using System.Net;
using System.Text.RegularExpressions;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Administrators manage staff accounts; the only administrator is the configured one, which no test here
/// adds to or demotes.</summary>
public sealed partial class StaffAdministrationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public StaffAdministrationTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private async Task<PortalClient> AdministratorAsync(string? language = null)
    {
        var client = PortalClient.For(portal, language);
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return client;
    }

    [Fact]
    public async Task New_colleague_signs_in_with_the_one_time_password_and_must_choose_their_own()
    {
        var city = TestData.Unique("Seremban City Council");
        await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        var admin = await AdministratorAsync();
        using var created = await admin.PostFormAsync(
            "/Staff/Create",
            [
                new("Input.Email", "new.colleague@we-gov.org"),
                new("Input.DisplayName", "New Colleague"),
                new("Input.Roles", Roles.SecretariatStaff),
            ]
        );
        var page = await created.Content.ReadAsStringAsync();
        var oneTimePassword = WebUtility.HtmlDecode(TemporaryPassword().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(oneTimePassword), "The page shows the one-time password");

        var colleague = PortalClient.For(portal);
        await colleague.SignInAsync("new.colleague@we-gov.org", oneTimePassword);
        using var home = await colleague.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/ChangePassword", home.Headers.Location!.OriginalString);

        using var changed = await colleague.PostFormAsync(
            "/Account/ChangePassword",
            [
                new("CurrentPassword", oneTimePassword),
                new("NewPassword", "My-Own-Password-99"),
                new("ConfirmPassword", "My-Own-Password-99"),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var homeAfter = await colleague.GetPageAsync("/");
        Assert.Contains(city, homeAfter, StringComparison.Ordinal);
        var listed = await admin.GetPageAsync("/Staff");
        Assert.Contains("New Colleague", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_form_shows_localized_field_errors_and_keeps_what_was_typed()
    {
        var admin = await AdministratorAsync("es");

        using var response = await admin.PostFormAsync(
            "/Staff/Create",
            [new("Input.Email", "no-es-un-correo"), new("Input.DisplayName", "Persona Nueva")]
        );
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Email\"[^>]*>[^<]*Correo electr", page);
        Assert.Matches("data-valmsg-for=\"Input.Roles\"[^>]*>[^<]*Funciones", page);
        Assert.Contains("value=\"Persona Nueva\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Persona Nueva", await admin.GetPageAsync("/Staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demoting_the_last_administrator_shows_why_on_the_page()
    {
        var admin = await AdministratorAsync();
        var list = await admin.GetPageAsync("/Staff");
        var adminRow = list[list.IndexOf(PortalFactory.AdminEmail, StringComparison.Ordinal)..];
        var adminId = EditLink().Match(adminRow).Groups[1].Value;

        using var response = await admin.PostFormAsync(
            $"/Staff/Edit/{adminId}",
            [new("Input.Roles", Roles.SecretariatStaff)]
        );
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least one administrator", page, StringComparison.Ordinal);
        Assert.Contains(PortalFactory.AdminEmail, page, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"temporary-password\">([^<]+)<")]
    private static partial Regex TemporaryPassword();

    [GeneratedRegex("href=\"/Staff/Edit/([^\"]+)\"")]
    private static partial Regex EditLink();
}
