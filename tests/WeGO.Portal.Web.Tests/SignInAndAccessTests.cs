using System.Net;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Who may sign in and open what, on visits each test schedules for itself.</summary>
public sealed class SignInAndAccessTests : IClassFixture<PortalFactory>
{
    private const string StaffPassword = "Staff-Password-2024";
    private readonly PortalFactory portal;

    public SignInAndAccessTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    /// <summary>The Seremban visit, for a city of its own, a week from now: among the next visits the staff home page
    /// lists (the other tests of this class schedule at most two more that soon).</summary>
    private async Task<(int Id, string City)> UpcomingVisitAsync()
    {
        var city = TestData.Unique("Seremban City Council");
        var nextWeek = DateOnly.FromDateTime(VenueTime.ToLocal(DateTime.UtcNow, VenueTime.Seoul)).AddDays(7);
        return (await portal.ScheduleVisitAsync(c => c with { OrganizationName = city, Date = nextWeek }), city);
    }

    [Theory]
    [InlineData("/Visits/Details/{visit}")]
    [InlineData("/Staff")]
    [InlineData("/Account/ChangePassword")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var visit = await portal.ScheduleVisitAsync();

        using var response = await PortalClient
            .For(portal)
            .GetAsync(path.Replace("{visit}", $"{visit}", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(
            "/Account/SignIn?ReturnUrl=",
            response.Headers.Location!.PathAndQuery,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Anonymous_home_page_shows_no_visits()
    {
        var (_, city) = await UpcomingVisitAsync();

        var home = await PortalClient.For(portal).GetPageAsync("/");

        Assert.Contains("Welcome to the WeGO Portal", home, StringComparison.Ordinal);
        Assert.DoesNotContain(city, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_signs_in_and_sees_the_scenario_visit_on_the_home_page()
    {
        var (_, city) = await UpcomingVisitAsync();
        var client = PortalClient.For(portal);
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var home = await client.GetPageAsync("/");

        Assert.Contains(city, home, StringComparison.Ordinal);
        Assert.Contains("Jeong-kee Kim", home, StringComparison.Ordinal);
        Assert.Contains("36 delegates", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        var client = PortalClient.For(portal);

        using var response = await client.PostFormAsync(
            "/Account/SignIn",
            [new("Email", PortalFactory.AdminEmail), new("Password", "not the password")]
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            "The email or password is not right.",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Staff")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        const string email = "lockout@tests.wego";
        await portal.CreateStaffAsync(email, StaffPassword, Roles.SecretariatStaff);
        var client = PortalClient.For(portal);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (
                await client.PostFormAsync(
                    "/Account/SignIn",
                    [new("Email", email), new("Password", "wrong-" + attempt)]
                )
            ).Dispose();
        }

        using var response = await client.PostFormAsync(
            "/Account/SignIn",
            [new("Email", email), new("Password", StaffPassword)]
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Refused with the answer a wrong password gets (MessagesThatHelpTests), and no session.
        Assert.Contains(
            "The email or password is not right.",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Visits")).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_open_administrator_pages()
    {
        const string email = "staff@tests.wego";
        var id = await portal.ScheduleVisitAsync();
        await portal.CreateStaffAsync(email, StaffPassword, Roles.SecretariatStaff);
        var client = PortalClient.For(portal);
        await client.SignInAsync(email, StaffPassword);

        using var admin = await client.GetAsync("/Staff");
        using var visit = await client.GetAsync($"/Visits/Details/{id}");

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        Assert.DoesNotContain("/Staff", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_director_reads_visits_but_not_administration()
    {
        const string email = "director@tests.wego";
        var id = await portal.ScheduleVisitAsync();
        await portal.CreateStaffAsync(email, StaffPassword, Roles.ProgramDirector);
        var client = PortalClient.For(portal);
        await client.SignInAsync(email, StaffPassword);

        var visit = await client.GetPageAsync($"/Visits/Details/{id}");
        using var admin = await client.GetAsync("/Staff/Create");

        Assert.Contains("Lee Kai Yet", visit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_user_without_a_role_sees_no_visits()
    {
        const string email = "norole@tests.wego";
        var (id, city) = await UpcomingVisitAsync();
        await portal.CreateStaffAsync(email, StaffPassword);
        var client = PortalClient.For(portal);
        await client.SignInAsync(email, StaffPassword);

        using var visit = await client.GetAsync($"/Visits/Details/{id}");

        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.DoesNotContain(city, await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_is_a_post_and_ends_the_session()
    {
        var client = PortalClient.For(portal);
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        using var get = await client.GetAsync("/Account/SignOut");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Staff")).StatusCode);
        (await client.PostFormAsync("/", [], action: "/Account/SignOut")).Dispose();

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Staff")).StatusCode);
    }

    [Fact]
    public async Task Missing_antiforgery_token_is_rejected()
    {
        var client = PortalClient.For(portal);
        using var content = new FormUrlEncodedContent([
            new("Email", PortalFactory.AdminEmail),
            new("Password", PortalFactory.AdminPassword),
        ]);

        using var response = await client.Http.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
