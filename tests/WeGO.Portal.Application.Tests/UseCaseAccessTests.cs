using Mediator;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Behaviors;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Each use case says who may send it, and the mediator holds it to that. Which roles each one lets through is
/// the web tests' access matrix (UseCaseAccessTests there); here, that none goes without a declaration and the rules
/// beside the roles: one's own account, a scope with nobody in it, the system.</summary>
public sealed class UseCaseAccessTests(UseCaseAccessTests.Portal portal) : IClassFixture<UseCaseAccessTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() => SeedDemo = false;
    }

    [Fact]
    public void Every_request_of_the_application_declares_who_may_send_it()
    {
        var requests = typeof(UseCaseAccess)
            .Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        var undeclared = requests.Where(t => UseCaseAccess.DeclarationOf(t) is null).Select(t => t.FullName).ToList();

        Assert.True(requests.Count > 50, $"Found only {requests.Count} requests: the scan has lost its way.");
        Assert.True(
            undeclared.Count == 0,
            "Say who may send each of these with one [AllowedTo(...)], [Public] or [ForTheSystem]: "
                + string.Join(", ", undeclared)
        );
    }

    [Fact]
    public async Task A_request_without_a_declaration_runs_for_no_one_not_even_the_system()
    {
        foreach (var actor in (ICurrentActor[])[new SystemActor(), new EveryRole()])
        {
            var behavior = new AuthorizationBehavior<Undeclared, int>(actor);
            var ran = false;

            var refusal = await Assert.ThrowsAsync<UseCaseRefusedException>(async () =>
                await behavior.Handle(
                    new Undeclared(),
                    (_, _) =>
                    {
                        ran = true;
                        return ValueTask.FromResult(1);
                    },
                    CancellationToken.None
                )
            );

            Assert.False(ran);
            Assert.Contains("declares no access", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_colleague_ends_and_lists_their_own_sessions_but_only_an_administrator_another_s()
    {
        var mina = new Colleague("mina-id", "Mina Park", Roles: [Roles.SecretariatStaff]);
        var admin = new Colleague("admin-id", "Jun Choi", Roles: [Roles.Administrator]);

        Assert.Empty(await portal.SendAsAsync(mina, new ListStaffSessions.Query(mina.UserId)));
        await portal.SendAsAsync(mina, new EndStaffSessions.Command(mina.UserId));
        await Assert.ThrowsAsync<UseCaseRefusedException>(() =>
            portal.SendAsAsync(mina, new ListStaffSessions.Query(admin.UserId))
        );
        await Assert.ThrowsAsync<UseCaseRefusedException>(() =>
            portal.SendAsAsync(mina, new EndStaffSessions.Command(admin.UserId))
        );
        Assert.Empty(await portal.SendAsAsync(admin, new ListStaffSessions.Query(mina.UserId)));
    }

    [Fact]
    public async Task Work_outside_a_request_is_no_one_unless_begun_as_the_system_which_sends_only_its_own_use_cases()
    {
        var scopes = portal.Services.GetRequiredService<IServiceScopeFactory>();
        await using (var nobody = scopes.CreateAsyncScope())
        {
            await Assert.ThrowsAsync<UseCaseRefusedException>(async () =>
                await nobody
                    .ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new Membership.AnonymizeExpiredInquiries.Command(30))
            );
        }

        await using var system = SystemWork.CreateSystemScope(scopes);
        var mediator = system.ServiceProvider.GetRequiredService<IMediator>();
        Assert.Equal(0, await mediator.Send(new Membership.AnonymizeExpiredInquiries.Command(30)));
        await Assert.ThrowsAsync<UseCaseRefusedException>(async () =>
            await mediator.Send(new ListVisits.Query(new ListVisits.Filter()))
        );
    }

    private sealed record Undeclared : IQuery<int>;

    private sealed class EveryRole : ICurrentActor
    {
        public string? UserId => "someone";

        public string Name => "Someone";

        public string TimeZoneId => "Asia/Seoul";

        public bool IsSystem => false;

        public bool IsInRole(string role) => true;
    }
}
