using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Privacy;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;
using Xunit.Abstractions;

namespace WeGO.Portal.Web.Tests;

/// <summary>Issue 19's proof: one person's address and name put into every feature that can hold them, the mails about
/// them sent (written as files, as Development does), then the erasure run from the administrator's page; afterwards
/// no text column of any table, and no file under the data folder, holds the address or the name, and the statistics
/// read as before.</summary>
public sealed partial class PersonalDataErasureTests(ITestOutputHelper output) : IDisposable
{
    private const string Email = "Zofia.Quennellby@kwartz-city.example";
    private const string Name = "Zofia Quennellby";
    private const string Phone = "+48 22 555 0199";

    private readonly PortalFactory portal = new()
    {
        Settings =
        {
            // Development without an SMTP server: the outbox writes each sent mail to <data>/mail.
            ["Portal:Mail:Dispatch"] = "true",
            ["Portal:Mail:PollSeconds"] = "0.2",
        },
    };

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Erasing_a_person_leaves_their_address_and_name_nowhere_and_the_statistics_unchanged()
    {
        portal.Start();
        await PersonEverywhere.PutAsync(portal, Email, Name, Phone);
        await AllMailSentAsync();
        // Where the person was before: the scan finds them (so it would find a copy left behind).
        foreach (var value in (string[])[Email, Name])
        {
            var places = TableHits(value).Select(h => h.Split(':')[0]).Concat(FileHits(value));
            output.WriteLine($"{value} before: {string.Join("; ", places)}");
        }

        Assert.NotEmpty(TableHits(Email));
        var files = FileHits(Email);
        Assert.Contains(files, f => f.StartsWith("mail", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("documents", StringComparison.Ordinal));
        var before = await StatisticsAsync();

        var admin = PortalClient.For(portal);
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var finding = Stopwatch.StartNew();
        var found = await FindAsync(admin, Email.ToUpperInvariant());
        output.WriteLine($"Search page (form and post): {finding.ElapsedMilliseconds} ms");
        foreach (
            var store in (string[])
                [
                    "found-inquiries",
                    "found-applications",
                    "found-visit-requests",
                    "found-rosters",
                    "found-contacts",
                    "found-messages",
                ]
        )
        {
            Assert.Contains($"id=\"{store}\"", found, StringComparison.Ordinal);
        }

        using var confirmation = await admin.PostFormAsync(
            "/Privacy/Requests",
            [new("Email", Email)],
            "/Privacy/Requests/Erase"
        );
        var confirm = await confirmation.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var fingerprint = FingerprintField().Match(confirm).Groups[1].Value;
        Assert.NotEmpty(fingerprint);
        var erasing = Stopwatch.StartNew();
        using var erased = await admin.PostFormAsync(
            "/Privacy/Requests",
            [new("Email", Email), new("Fingerprint", fingerprint)],
            "/Privacy/Requests/Erase?handler=Confirm"
        );
        output.WriteLine($"Erasure (form and confirmed post): {erasing.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("id=\"erased\"", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The erasure's last steps (the mails deleted, the log checkpointed) run before the page answers.
        Assert.Contains("nothing-found", await FindAsync(admin, Email), StringComparison.Ordinal);
        foreach (var value in (string[])[Email, Name, Phone])
        {
            var copies = TableHits(value).Concat(FileHits(value)).ToList();
            Assert.True(copies.Count == 0, $"{value} is still in: {string.Join("; ", copies)}");
        }

        Assert.Equal(before, await StatisticsAsync());
        var request = await portal.WithDbAsync(db =>
            db.PrivacyRequests.AsNoTracking().SingleAsync(r => r.Kind == PrivacyRequestKind.Erasure)
        );
        Assert.Equal(1, request.CountsByStore["Inquiries"]);
        Assert.Equal(1, request.CountsByStore["Documents"]);
        Assert.Equal(1, request.CountsByStore["RosterEntries"]);
        Assert.True(request.CountsByStore["Messages"] > 0);
        var past = await admin.GetPageAsync("/Privacy/Requests");
        Assert.Contains("id=\"past-requests\"", past, StringComparison.Ordinal);
    }

    private async Task AllMailSentAsync() =>
        await Patiently.UntilAsync(
            "every outbox message to be written to the mail folder",
            () => portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc == null)),
            unsent => unsent == 0
        );

    private static async Task<string> FindAsync(PortalClient admin, string email)
    {
        using var response = await admin.PostFormAsync("/Privacy/Requests", [new("Input.Email", email)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The figures staff read: the dashboard over the visit's year and this one, and the counts by stage,
    /// state and status, the visits' headcounts and roster sizes.</summary>
    private async Task<string> StatisticsAsync()
    {
        var dashboard = await portal.SendAsync(
            new GetDashboard.Query { From = new DateOnly(2026, 1, 1), To = new DateOnly(2030, 12, 31) }
        );
        var figures = await portal.WithDbAsync(async db => new
        {
            Stages = await db
                .MembershipInquiries.GroupBy(i => i.Stage)
                .Select(g => new { g.Key, Count = g.Count() })
                .OrderBy(g => g.Key)
                .ToListAsync(),
            Countries = await db.MembershipInquiries.Select(i => i.CountryCode).OrderBy(c => c).ToListAsync(),
            States = await db.MembershipApplications.Select(a => a.State).OrderBy(s => s).ToListAsync(),
            Requests = await db.VisitRequests.Select(r => new { r.Status, r.DelegationSize }).ToListAsync(),
            Visits = await db
                .Visits.Select(v => new
                {
                    v.Id,
                    v.Status,
                    v.Delegation.ExpectedHeadcount,
                    Roster = v.Delegation.Members.Count,
                })
                .OrderBy(v => v.Id)
                .ToListAsync(),
            Members = await db.Members.CountAsync(),
        });
        return JsonSerializer.Serialize(
            new
            {
                dashboard.VisitsPerMonth,
                dashboard.VisitsPerRegion,
                dashboard.InquiriesByStage,
                dashboard.Funnel,
                dashboard.Members,
                figures,
            }
        );
    }

    /// <summary>Every column of every table (the text indexes' own tables included), read as text, that holds
    /// <paramref name="value"/> without regard to case: "table.column" for each hit.</summary>
    private List<string> TableHits(string value)
    {
        using var connection = new SqliteConnection(portal.DatabaseConnectionString + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hits = new List<string>();
        foreach (var table in tables)
        {
            var columns = new List<string>();
            using (var info = connection.CreateCommand())
            {
                info.CommandText =
                    $"SELECT name FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}')";
                using var reader = info.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            foreach (var column in columns)
            {
                using var find = connection.CreateCommand();
                find.CommandText =
                    $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" "
                    + $"WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($value)) > 0 LIMIT 1";
                find.Parameters.AddWithValue("$value", value);
                if (find.ExecuteScalar() is { } held)
                {
                    hits.Add($"{table}.{column}: {held}");
                }
            }
        }

        return hits;
    }

    /// <summary>Every file under the data folder (the database, its log, the logs, documents, mails) whose bytes hold
    /// <paramref name="value"/>'s UTF-8 bytes, without regard to ASCII case.</summary>
    private List<string> FileHits(string value)
    {
        var hits = new List<string>();
        foreach (var path in Directory.EnumerateFiles(portal.DataDirectory, "*", SearchOption.AllDirectories))
        {
            // Latin-1 maps each byte to one character, so the UTF-8 bytes of the value are found in any file.
            var text = LiveFile.ReadUnlessGone(path, Encoding.Latin1);
            if (
                text.Contains(
                    Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value)),
                    StringComparison.OrdinalIgnoreCase
                )
            )
            {
                hits.Add(Path.GetRelativePath(portal.DataDirectory, path));
            }
        }

        return hits;
    }

    [GeneratedRegex("name=\"Fingerprint\"[^>]*value=\"([0-9a-f]+)\"")]
    private static partial Regex FingerprintField();
}
