using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>A journey test's surroundings: the portal on a real loopback port and Debian's Chromium, started before
/// each test and stopped after it (neither is started when the browser tests are skipped).</summary>
public abstract class BrowserJourney(PortalFactory portal) : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? chromium;

    protected PortalFactory Portal { get; } = portal;

    protected IBrowser Chromium => chromium ?? throw new InvalidOperationException("Chromium was not started.");

    public async Task InitializeAsync()
    {
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
