using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WeGO.Portal.Testing;

/// <summary>The portal with a clock the test sets, so "today", "overdue" and a cookie's age are what the scenario
/// needs.</summary>
public class ClockedPortal(FixedClock clock) : PortalFactory
{
    public FixedClock Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A <see cref="ClockedPortal"/> as a class fixture, which xunit builds without arguments: the clock starts at
/// the real time, and a test class that needs another sets <see cref="FixedClock.Now"/> in its constructor (xunit runs
/// a class's tests one at a time).</summary>
public sealed class ClockedPortalFixture() : ClockedPortal(new FixedClock(DateTimeOffset.UtcNow));
