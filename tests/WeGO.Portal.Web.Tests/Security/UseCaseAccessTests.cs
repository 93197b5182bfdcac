using System.Runtime.CompilerServices;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>The second door: every use case of the application, sent through the real mediator as each visitor and as
/// the system, is let through or refused as <see cref="AccessPolicy.UseCases"/> says, whatever page sends it. The
/// first door, each page's policy, is <see cref="AccessMatrixTests"/>.</summary>
public sealed class UseCaseAccessTests(UseCaseAccessTests.Portal portal) : IClassFixture<UseCaseAccessTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() => SeedDemo = false;
    }

    private static readonly IReadOnlyList<Type> Requests =
    [
        .. typeof(UseCaseAccess)
            .Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t)),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var types = Requests.Union(AccessPolicy.UseCases.Keys).Select(Name).Order(StringComparer.Ordinal);
        foreach (var type in types)
        {
            foreach (var sender in (string[])[.. AccessPolicy.Visitors, AccessPolicy.System])
            {
                data.Add(type, sender);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_use_case_is_let_through_or_refused_as_the_policy_table_says(string useCase, string sender)
    {
        var type = Requests.SingleOrDefault(t => Name(t) == useCase);
        Assert.True(
            type is not null,
            $"{nameof(AccessPolicy)}.{nameof(AccessPolicy.UseCases)} has a row for {useCase}, "
                + "which the application no longer has: remove the row."
        );
        Assert.True(
            AccessPolicy.UseCases.TryGetValue(type, out var access),
            $"{useCase} is not in {nameof(AccessPolicy)}.{nameof(AccessPolicy.UseCases)}: "
                + "add a row saying who may send it."
        );

        // A blank request: refused before anything reads it, or let through to its validator and handler, whose answer
        // (a validation failure, a missing record) is not the question here.
        var sample = RuntimeHelpers.GetUninitializedObject(type);
        var refused = false;
        try
        {
            await SendAsync(sender, sample);
        }
        catch (UseCaseRefusedException)
        {
            refused = true;
        }
#pragma warning disable CA1031 // Whatever stops a blank request after the authorization step is no refusal.
        catch (Exception)
#pragma warning restore CA1031
        {
            refused = false;
        }

        var allowed = AccessPolicy.Allows(access, sender);
        Assert.True(
            refused != allowed,
            $"{useCase} as {sender} was {(refused ? "refused" : "let through")}, "
                + $"but {access} {(allowed ? "allows" : "refuses")} it: check its declaration."
        );
    }

    private Task<object?> SendAsync(string sender, object request)
    {
        if (sender == AccessPolicy.System)
        {
            return portal.RunAsSystemAsync(mediator => mediator.Send(request));
        }

        var user =
            sender == AccessPolicy.Anonymous
                ? null
                : PortalFactoryExtensions.SignedIn($"{sender}-id", sender, [sender]);
        return portal.RunAsAsync(user, null, mediator => mediator.Send(request));
    }

    private static string Name(Type type) => $"{type.DeclaringType?.Name}.{type.Name}";
}
