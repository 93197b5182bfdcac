using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>The portal on a real loopback port, on a clock that starts at <paramref name="start"/> and runs from
/// there: a journey walks the scenario's dates whenever the test runs, and its screenshots show them.</summary>
internal sealed class ClockedPortal(DateTimeOffset start) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new RunningClock(start)));
    }

    private sealed class RunningClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long started = Stopwatch.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(started);
    }
}
