using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>Staff sign in through a real OpenID Connect provider started by the test (<see cref="TestOidcProvider"/>),
/// in Chromium: an invited address gets in, an unknown one is told to ask for an invitation, and a tampered or expired
/// id token gets nobody in.</summary>
public sealed class SingleSignOnJourneyTests : BrowserJourney, IClassFixture<SingleSignOnJourneyTests.Provider>
{
    private const string InvitedEmail = "hana.lee@we-gov.org";
    private readonly TestOidcProvider provider;

    public SingleSignOnJourneyTests(Provider provider, TestDurations durations)
        : base(PointedAt(provider.Started, new PortalFactory { ListenOnLoopback = true }), durations)
    {
        this.provider = provider.Started;
        this.provider.Mode = TestOidcMode.Honest;
    }

    [ChromiumFact]
    public async Task Invited_colleague_signs_in_through_the_provider_and_a_stranger_is_refused()
    {
        using var timing = Timed();
        provider.AllowPortal(Portal.RootUri);
        var userId = await Portal.CreateStaffAsync(InvitedEmail, "Unused-Password-2024", Roles.SecretariatStaff);

        var page = await NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Sign in with " + TestOidcProvider.DisplayName });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await KeepScreenshotAsync(page, "sign-in-sso-en.png");
        await SignInThroughProviderAsync(page, InvitedEmail);
        await Assertions.Expect(page.Locator("header form[action$='/Account/SignOut'] button")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Portal.RootUri.ToString());
        Assert.True(await HasAuthCookieAsync(page));
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(1, await db.Set<StaffSession>().CountAsync(s => s.UserId == userId));
        }

        var stranger = await NewPageAsync();
        await stranger.GotoAsync("/Account/SignIn");
        await SignInThroughProviderAsync(stranger, "stranger@elsewhere.org");
        await Assertions
            .Expect(stranger.Locator("#sso-message"))
            .ToContainTextAsync("Ask an administrator to invite you");
        Assert.False(await HasAuthCookieAsync(stranger));
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.Null(await users.FindByEmailAsync("stranger@elsewhere.org"));
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(1, await db.Set<StaffSession>().CountAsync());
        }
    }

    [ChromiumFact]
    public async Task Tampered_and_expired_id_tokens_get_nobody_in()
    {
        using var timing = Timed();
        provider.AllowPortal(Portal.RootUri);
        await Portal.CreateStaffAsync(InvitedEmail, "Unused-Password-2024", Roles.SecretariatStaff);

        foreach (var mode in new[] { TestOidcMode.TamperIdToken, TestOidcMode.ExpiredIdToken })
        {
            provider.Mode = mode;
            var page = await NewPageAsync();
            await page.GotoAsync("/Account/SignIn");
            await SignInThroughProviderAsync(page, InvitedEmail);
            await Assertions.Expect(page.Locator("#sso-message")).ToContainTextAsync("did not work");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn\\?sso=failed$"));
            Assert.False(await HasAuthCookieAsync(page), $"{mode}: no sign-in cookie");
        }

        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.Set<StaffSession>().AnyAsync());
    }

    /// <summary>The portal's button, then the provider's own page: the address, Continue.</summary>
    private async Task SignInThroughProviderAsync(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with " + TestOidcProvider.DisplayName })
            .ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(provider.Authority.ToString())));
        await page.Locator("#email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Portal.RootUri.ToString())));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            }
        );
        return await context.NewPageAsync();
    }

    private static async Task<bool> HasAuthCookieAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Any(c => c.Name == PortalClient.AuthCookie);

    private static PortalFactory PointedAt(TestOidcProvider provider, PortalFactory portal)
    {
        provider.Configure(portal);
        return portal;
    }

    /// <summary>The provider, started once for the class; each test's portal is allowed back to it.</summary>
    public sealed class Provider : IAsyncLifetime
    {
        private TestOidcProvider? started;

        public TestOidcProvider Started => started ?? throw new InvalidOperationException("Not started.");

        public async Task InitializeAsync() => started = await TestOidcProvider.StartAsync();

        public async Task DisposeAsync()
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }
}
