using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Two portal instances behind a load balancer: each with its own data folder, sharing only the database.
/// A browser's cookies must work whichever instance answers.</summary>
public sealed class SeveralInstancesTests : IDisposable
{
    private const string Password = "Colleague-Password-2024";
    private static readonly Uri Address = new("http://localhost");

    // Hosts per test: two instances sharing one database, and a test may add a third (a stranger, an upgraded one).
    private readonly PortalFactory first = new PortalFactory { SeedDemo = false }.Start();
    private readonly PortalFactory second = new() { SeedDemo = false };
    private readonly CookieContainer browserCookies = new();

    public SeveralInstancesTests()
    {
        second.Settings["ConnectionStrings:Portal"] = first.DatabaseConnectionString;
        second.Start();
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    [Fact]
    public async Task A_sign_in_and_an_antiforgery_token_from_one_instance_are_accepted_by_another_on_the_same_data()
    {
        await first.CreateStaffAsync("mina@we-gov.org", Password, Roles.SecretariatStaff);
        var viaFirst = Browser(first);
        var viaSecond = Browser(second);

        await viaFirst.SignInAsync("mina@we-gov.org", Password);
        using (var visits = await viaSecond.GetAsync("/Visits"))
        {
            Assert.Equal(HttpStatusCode.OK, visits.StatusCode);
        }

        var token = PortalClient.AntiforgeryToken(await viaFirst.GetPageAsync("/Visits"));
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]);
        using var signOut = await viaSecond.Http.PostAsync(new Uri("/Account/SignOut", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var afterSignOut = await viaFirst.GetAsync("/Visits");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/Account/SignIn", afterSignOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_on_another_database_does_not_accept_the_cookie()
    {
        using var stranger = new PortalFactory { SeedDemo = false }.Start();
        await first.CreateStaffAsync("mina@we-gov.org", Password, Roles.SecretariatStaff);
        await Browser(first).SignInAsync("mina@we-gov.org", Password);

        using var visits = await Browser(stranger).GetAsync("/Visits");

        Assert.Equal(HttpStatusCode.Redirect, visits.StatusCode);
        Assert.StartsWith("/Account/SignIn", visits.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_from_the_old_keys_folder_are_copied_into_the_database_so_existing_cookies_stay_valid()
    {
        using var upgraded = new PortalFactory { SeedDemo = false };
        var oldKeys = DataProtectionProvider.Create(
            new DirectoryInfo(Path.Combine(upgraded.DataDirectory, "keys")),
            options => options.SetApplicationName("WeGO.Portal")
        );
        var protectedBefore = oldKeys.CreateProtector("calendar-feed").Protect("signed in before the upgrade");

        upgraded.Start();

        var protector = upgraded
            .Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("calendar-feed");
        Assert.Equal("signed in before the upgrade", protector.Unprotect(protectedBefore));
    }

    /// <summary>One browser: the same cookie jar whichever instance the balancer sends it to.</summary>
    private PortalClient Browser(PortalFactory instance) =>
        new(instance.CreateDefaultClient(Address, new CookieContainerHandler(browserCookies)));
}
