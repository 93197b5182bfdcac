using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Reliability;

/// <summary>Every SQLite connection the portal opens gets its setup: secure_delete on, and a page cache of the
/// configured size (Database:SqliteCacheKib, 512 KiB unless an operator says otherwise; decision 0043).</summary>
public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task A_connection_keeps_a_512_KiB_page_cache_and_zeroes_what_it_deletes_by_default()
    {
        using var portal = new PortalFactory { Database = TestDatabase.Sqlite }.Start();

        Assert.Equal(-512, await PragmaAsync(portal, "cache_size"));
        Assert.Equal(1, await PragmaAsync(portal, "secure_delete"));
    }

    [Fact]
    public async Task An_operator_sets_the_page_cache_of_each_connection()
    {
        using var portal = new PortalFactory { Database = TestDatabase.Sqlite };
        portal.Settings["Database:SqliteCacheKib"] = "4000";
        portal.Start();

        Assert.Equal(-4000, await PragmaAsync(portal, "cache_size"));
        Assert.Equal(1, await PragmaAsync(portal, "secure_delete"));
    }

    private static async Task<long> PragmaAsync(PortalFactory portal, string pragma)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
