using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Identity's security-stamp check runs once a cookie is older than its interval, and re-issues the cookie
/// from the account as it is then. The portal skips resolving it on the requests in between, where it would do
/// nothing (SessionCookie.StampCheckDue); a changed stamp is refused on those requests by the portal's own session
/// check. These tests prove both: nothing waits for the interval, and the interval still brings Identity's check.
/// </summary>
public sealed class SecurityStampCheckTests : IClassFixture<ClockedPortalFixture>
{
    private const string Password = "Stamp-Checks-2024";
    private const string AuthCookie = "wego.auth=";

    private readonly ClockedPortal portal;

    public SecurityStampCheckTests(ClockedPortalFixture portal)
    {
        this.portal = (ClockedPortal)portal.Start();
        portal.Clock.Now = DateTimeOffset.UtcNow;
    }

    [Fact]
    public async Task A_changed_stamp_refuses_the_cookie_long_before_identitys_interval()
    {
        var changed = await SignedInAsync();
        var unchanged = await SignedInAsync();

        // Changed outside the portal's pages, so no session is ended by name: only the stamp differs.
        await ChangeStampAsync(changed.Email);
        portal.Clock.Now += TimeSpan.FromMinutes(1);
        using var refused = await changed.Client.GetAsync("/Visits");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/SignIn", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await unchanged.Client.GetAsync("/Visits")).StatusCode);
    }

    [Fact]
    public async Task Identitys_check_re_issues_the_cookie_once_the_interval_has_passed_and_not_before()
    {
        var user = await SignedInAsync();

        portal.Clock.Now += TimeSpan.FromMinutes(29);
        using (var within = await user.Client.GetAsync("/Visits"))
        {
            Assert.Equal(HttpStatusCode.OK, within.StatusCode);
            Assert.DoesNotContain(SetCookies(within), c => c.StartsWith(AuthCookie, StringComparison.Ordinal));
        }

        portal.Clock.Now += TimeSpan.FromMinutes(2);
        using (var due = await user.Client.GetAsync("/Visits"))
        {
            Assert.Equal(HttpStatusCode.OK, due.StatusCode);
            Assert.Contains(SetCookies(due), c => c.StartsWith(AuthCookie, StringComparison.Ordinal));
        }

        // The re-issued cookie keeps its session: the next request, and one past a further interval, are served.
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/Visits")).StatusCode);
        portal.Clock.Now += TimeSpan.FromMinutes(31);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/Visits")).StatusCode);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    private async Task<(PortalClient Client, string Email)> SignedInAsync()
    {
        var email = $"stamp-{Guid.NewGuid():N}@tests.wego";
        await portal.CreateStaffAsync(email, Password, Roles.SecretariatStaff);
        var client = PortalClient.For(portal);
        await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Visits")).StatusCode);
        return (client, email);
    }

    private async Task ChangeStampAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        Assert.True((await users.UpdateSecurityStampAsync(user)).Succeeded);
    }
}
