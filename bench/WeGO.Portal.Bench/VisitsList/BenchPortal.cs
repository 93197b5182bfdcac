using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Bench.VisitsList;

/// <summary>The real portal, as Program.cs builds it, in the Production environment on a generated data folder.
/// Requests go through the whole ASP.NET Core pipeline in memory (TestServer): no sockets, no TLS. <paramref
/// name="settings"/> are configuration a benchmark adds (the outbox's SMTP server).</summary>
internal sealed class BenchPortal(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string Environment = "Production";

    /// <summary>Which garbage collector the benchmark runs under, for its report.</summary>
    public static string GarbageCollector => System.Runtime.GCSettings.IsServerGC ? "server" : "workstation";
    public const string AdminEmail = "bench-admin@wego-portal.local";
    public const string AdminPassword = "Bench-Admin-Password-2024";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(WebProjectFolder());
        builder.UseEnvironment(Environment);
        builder.UseSetting("Portal:DataDirectory", dataDirectory);
        builder.UseSetting("Portal:Admin:Email", AdminEmail);
        builder.UseSetting("Portal:Admin:Password", AdminPassword);
        builder.UseSetting("Portal:SeedDemo", "false");
        // Production redirects plain http to https; the client talks https to a non-local name, as behind TLS.
        builder.UseSetting("https_port", "443");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A staff account in <paramref name="role"/> for the benchmark to sign in as, created once per
    /// database.</summary>
    public async Task EnsureUserAsync(string email, string password, string displayName, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the benchmark's {role} account: "
                    + string.Join("; ", created.Errors.Select(e => e.Description))
            );
        }
    }

    /// <summary>Sends through the real mediator pipeline in a scope of its own, as a signed-in colleague in
    /// <paramref name="role"/>: every use case declares who may send it, so nobody's request is refused.</summary>
    public async Task<T> SendAsAsync<T>(string role, Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = PortalFactoryExtensions.SignedIn("benchmark", "Benchmark", [role]),
        };
        try
        {
            return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>The web project's folder (its appsettings.json and wwwroot), from the manifest Mvc.Testing writes next
    /// to this program: WebApplicationFactory looks for that file in the current folder only, and dotnet run starts
    /// elsewhere.</summary>
    private static string WebProjectFolder()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty(typeof(Program).Assembly.FullName!).GetString()!;
    }
}
