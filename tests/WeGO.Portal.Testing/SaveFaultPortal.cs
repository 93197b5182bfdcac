using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Testing;

/// <summary>A portal whose saves fail, while <see cref="SaveFault.Armed"/>, when the changes about to be saved add a
/// <typeparamref name="TAdded"/>: the fault between two writes a use case must make together (a full disk, a lost
/// connection at the worst moment).</summary>
public class SaveFaultPortal<TAdded> : PortalFactory
    where TAdded : class
{
    public SaveFault Fault { get; } = new(tracker => tracker.Entries<TAdded>().Any(e => e.State == EntityState.Added));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(Fault))
        );
    }
}

/// <summary>Throws an <see cref="IOException"/> from the save when armed and <paramref name="when"/> holds.</summary>
public sealed class SaveFault(Func<ChangeTracker, bool> when) : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        if (Armed && when(eventData.Context!.ChangeTracker))
        {
            throw new IOException("the disk filled up while the change was being saved");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
