using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>A journey test's surroundings: the portal on a real loopback port and Debian's Chromium, started before
/// each test and stopped after it (neither is started when the browser tests are skipped).</summary>
public abstract class BrowserJourney(PortalFactory portal, TestDurations durations)
    : IAsyncLifetime,
        IClassFixture<TestDurations>
{
    private IPlaywright? playwright;
    private IBrowser? chromium;
    private long started;

    protected PortalFactory Portal { get; } = portal;

    protected IBrowser Chromium => chromium ?? throw new InvalidOperationException("Chromium was not started.");

    /// <summary>A browser context whose actions, navigations and expectations wait as long as any other step of the
    /// suite (<see cref="Patiently.StallLimit"/>) instead of Playwright's 30 s per action and 5 s per expectation: on a
    /// busy machine a page may be slow, and only a page that never comes should fail.</summary>
    protected async Task<IBrowserContext> NewBrowserContextAsync(BrowserNewContextOptions options)
    {
        var context = await Chromium.NewContextAsync(options);
        context.SetDefaultTimeout(Browser.StepTimeoutMs);
        context.SetDefaultNavigationTimeout(Browser.StepTimeoutMs);
        return context;
    }

    /// <summary>Signs in as a person does: the header's sign-in link, the form, the button, and for an account with two
    /// factors (every administrator: <see cref="PortalFactory.AuthenticatorKeyForSignInAsync"/>) the code its
    /// authenticator app shows. It waits for something
    /// the signed-in page shows (the header's sign-out button) rather than for a navigation's load event, which a busy
    /// machine can let slip past a waiter that subscribed late.</summary>
    protected async Task SignInAsync(IPage page, string email, string password)
    {
        var key = await Portal.AuthenticatorKeyForSignInAsync(email);
        await page.GotoAsync("/");
        await page.Locator("header a[href$='/Account/SignIn']").ClickAsync();
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        if (key is not null)
        {
            await TypeAuthenticatorCodeAsync(page, key);
        }

        await Assertions.Expect(page.Locator("header form[action$='/Account/SignOut'] button")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Portal.RootUri.ToString());
    }

    /// <summary>Answers the code page (the second step of a sign-in) with the code the authenticator app shows now.
    /// </summary>
    protected static async Task TypeAuthenticatorCodeAsync(IPage page, string key)
    {
        await page.Locator("#Code").FillAsync(PortalFactory.AuthenticatorCode(key));
        await page.Locator("main form button[type=submit]").ClickAsync();
    }

    /// <summary>Saves a picture of the whole page in the build's screenshot folder, after checking that the page fits
    /// the window (nothing pushes it sideways).</summary>
    protected static async Task KeepScreenshotAsync(IPage page, string name)
    {
        Assert.True(
            await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
            ),
            $"{name}: the page is wider than the window."
        );
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, name), FullPage = true });
    }

    /// <summary>Prints "<c>Class.Test took N s</c>" when disposed, counted from the start of the portal and
    /// Chromium.</summary>
    protected IDisposable Timed([CallerMemberName] string test = "") => durations.Time(this, started, test);

    public async Task InitializeAsync()
    {
        started = Stopwatch.GetTimestamp();
        Assertions.SetDefaultExpectTimeout(Browser.StepTimeoutMs);
        if (new ChromiumFactAttribute().Skip is null)
        {
            Portal.Start();
            (playwright, chromium) = await Browser.LaunchAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
