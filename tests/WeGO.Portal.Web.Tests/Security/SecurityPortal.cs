using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>A portal with the Seremban demo visit, one signed-in visitor per role and a colleague whose account the
/// administrator pages can open; one per test class.</summary>
public sealed class SecurityPortal : IAsyncLifetime
{
    /// <summary>The demo Seremban visit, and its first follow-up: the sample for every {id} of a visit or follow-up
    /// page.</summary>
    public const string DemoId = "1";

    private readonly Dictionary<string, Visitor> visitors = [];

    // Still takes its sample ids from the demo data; to make its own rows with TestData.
    public PortalFactory Portal { get; } = new() { SeedDemo = true };

    /// <summary>A Secretariat colleague, the sample for /Staff/Edit/{id} and /Staff/Sessions/{id}.</summary>
    public string ColleagueId { get; private set; } = "";

    public Visitor this[string visitor] => visitors[visitor];

    public Visitor Administrator => visitors[Roles.Administrator];

    public async Task InitializeAsync()
    {
        Portal.Start();
        ColleagueId = await Portal.CreateStaffAsync(
            $"colleague-{Guid.NewGuid():N}@security.tests.wego",
            Visitor.Password,
            Roles.SecretariatStaff
        );
        foreach (var visitor in AccessPolicy.Visitors)
        {
            visitors[visitor] =
                visitor == AccessPolicy.Anonymous
                    ? await Visitor.AnonymousAsync(Portal)
                    : await Visitor.SignedInAsync(Portal, visitor);
        }
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The address of <paramref name="endpoint"/> with sample route values: the demo visit, its follow-up, the
    /// colleague.</summary>
    public string Address(PortalEndpoint endpoint, Func<string, string, string?>? instead = null) =>
        endpoint.Address((page, parameter) => instead?.Invoke(page, parameter) ?? Sample(page, parameter))
        + Query(endpoint);

    /// <summary>A visitor like <paramref name="visitor"/> whose session a request may end without spoiling the shared
    /// one.</summary>
    public async Task<Visitor> SignedInForOneRequestAsync(string visitor) =>
        visitor == AccessPolicy.Anonymous ? visitors[visitor] : await Visitor.SignedInAsync(Portal, visitor);

    public async Task<string> BootstrapAdministratorIdAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.FindByEmailAsync(PortalFactory.AdminEmail))!.Id;
    }

    private string Sample(string page, string parameter) =>
        (page, parameter) switch
        {
            ("/Staff/Edit" or "/Staff/Sessions", "id") => ColleagueId,
            (_, "id") => DemoId,
            (_, "token") => "not-a-token",
            (_, "rest") => "Index",
            ("/Reports/Version", "number") => "1",
            ("/News/Release", "slug") => "no-such-release",
            _ => throw new InvalidOperationException(
                $"No sample value for {{{parameter}}} of {page}: add one to {nameof(SecurityPortal)}.{nameof(Sample)}."
            ),
        };

    /// <summary>Query strings some pages need to show what they are for.</summary>
    private static string Query(PortalEndpoint endpoint) =>
        endpoint.Page switch
        {
            "/Error" => (endpoint.Handler is null ? "?" : "&") + "code=404",
            _ => "",
        };
}
