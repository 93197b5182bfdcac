using Mediator;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Testing;

public static class PortalFactoryExtensions
{
    /// <summary>Sends a request through the real mediator pipeline (logging, validation, unit of work) in its own
    /// scope, as a page would.</summary> <summary>Sends a command through the real mediator pipeline (logging,
    /// validation, unit of work) in its own scope, as a page would.</summary>
    public static async Task<TResponse> SendAsync<TResponse>(this PortalFactory portal, ICommand<TResponse> command)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public static async Task<TResponse> SendAsync<TResponse>(this PortalFactory portal, IQuery<TResponse> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    /// <summary>Reads or writes the database directly, in a scope of its own.</summary>
    public static async Task<T> WithDbAsync<T>(this PortalFactory portal, Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
