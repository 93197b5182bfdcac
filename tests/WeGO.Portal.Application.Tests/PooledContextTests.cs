using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Contexts are pooled and serve one scope after another (docs/decisions/0050): each scope's saves go
/// through its own audit trail and session invalidation, and nothing one scope set on a context reaches the next.
/// </summary>
public sealed class PooledContextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_scope_gets_a_reset_context_with_its_own_audit_trail_and_contexts_are_reused()
    {
        TimeSpan? defaultTimeout;
        await using (var first = portal.Services.CreateAsyncScope())
        {
            defaultTimeout = first.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetCommandTimeout()
                is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }

        var seen = new HashSet<PortalDbContext>(ReferenceEqualityComparer.Instance);
        var reused = false;
        for (var i = 0; i < 20; i++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            reused |= !seen.Add(db);

            Assert.Equal(defaultTimeout?.TotalSeconds, db.Database.GetCommandTimeout());
            Assert.Empty(db.ChangeTracker.Entries());
            Assert.Same(scope.ServiceProvider.GetRequiredService<AuditTrail>(), db.Scope?.AuditTrail);
            Assert.Same(scope.ServiceProvider.GetRequiredService<SessionInvalidation>(), db.Scope?.SessionInvalidation);

            // What a scope leaves on its context (the readiness check's short timeout, a change it never saved)
            // must not follow the context into the next scope.
            db.Database.SetCommandTimeout(1);
            db.Organizations.Add(
                new Organization("Never Saved City", "KR", Region.AsiaPacific, OrganizationKind.LocalGovernment)
            );
        }

        Assert.True(reused, "twenty scopes one after another should have shared pooled contexts");
    }

    [Fact]
    public async Task A_context_rented_from_the_factory_outside_a_scope_refuses_to_save_unaudited()
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Organizations.Add(
                new Organization("Unaudited City", "KR", Region.AsiaPacific, OrganizationKind.LocalGovernment)
            );
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("audit trail", refused.Message, StringComparison.Ordinal);
        }

        Assert.False(await portal.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == "Unaudited City")));
    }

    [Fact]
    public void Every_event_the_audit_trail_or_the_session_invalidation_handles_is_forwarded_to_them()
    {
        var forwarded = Handled(typeof(ScopeInterceptors)).ToHashSet();
        var handled = Handled(typeof(AuditTrail)).Concat(Handled(typeof(SessionInvalidation))).ToList();

        Assert.NotEmpty(handled);
        Assert.All(handled, signature => Assert.Contains(signature, forwarded));
    }

    /// <summary>The interceptor events a type reacts to: the <see cref="SaveChangesInterceptor"/> methods it overrides
    /// and the <see cref="IDbTransactionInterceptor"/> methods it implements itself, by name and parameter types.
    /// </summary>
    private static IEnumerable<string> Handled(Type type)
    {
        var events = typeof(SaveChangesInterceptor)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.DeclaringType == typeof(SaveChangesInterceptor))
            .Concat(typeof(IDbTransactionInterceptor).GetMethods())
            .Select(Signature)
            .ToHashSet();
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(Signature)
            .Where(events.Contains);
    }

    private static string Signature(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
