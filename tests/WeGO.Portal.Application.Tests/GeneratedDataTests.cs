using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Bench.Generation;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.DemoData;
using WeGO.Portal.Infrastructure.DemoData.Generation;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The benchmark's data generator (bench/WeGO.Portal.Bench) writes SQL of its own for speed; these tests prove
/// the portal reads what it writes, through the real start-up, EF model and mediator pipeline.</summary>
// The generator writes a SQLite file through SqliteConnection (bench/README.md); PostgreSQL is filled otherwise.
[Trait("Database", "SqliteOnly")]
public sealed class GeneratedDataTests(GeneratedDataTests.GeneratedPortal generated)
    : IClassFixture<GeneratedDataTests.GeneratedPortal>
{
    private const int Visits = 200;
    private const int Inquiries = 200;

    private PortalFactory Portal => generated.Portal;

    public sealed class GeneratedPortal : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new() { SeedDemo = false, Database = TestDatabase.Sqlite };

        internal GeneratedData Data { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // Into the folder the portal is about to start on: it finds the schema current and adds only its
            // administrator.
            Data = await GeneratedDatabase.GenerateAsync(
                Portal.DataDirectory,
                new GeneratorOptions(Visits, Inquiries),
                CancellationToken.None
            );
            Portal.Start();
        }

        public Task DisposeAsync()
        {
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Every_generated_visit_opens_through_GetVisit_as_stored()
    {
        var stored = await Portal.WithDbAsync(db =>
            db.Visits.AsNoTracking()
                .Include(v => v.Organization)
                .Include(v => v.Delegation)
                    .ThenInclude(d => d.Members)
                .Include(v => v.Hosts)
                .Include(v => v.Agenda)
                .Include(v => v.Topics)
                .AsSplitQuery()
                .ToListAsync()
        );
        var followUps = await Portal.WithDbAsync(db =>
            db.FollowUps.Where(f => f.VisitId != null)
                .GroupBy(f => f.VisitId!.Value)
                .ToDictionaryAsync(g => g.Key, g => g.Count())
        );

        Assert.Equal(Visits, stored.Count);
        foreach (var visit in stored)
        {
            var details = await Portal.SendAsync(new GetVisit.Query(visit.Id));

            Assert.NotNull(details);
            Assert.Equal(visit.Organization.Name, details.Organization.Name);
            Assert.Equal(visit.Status, details.Status);
            Assert.Equal(visit.StartsAtUtc, details.Plan.StartsAtUtc);
            Assert.True(details.Plan.StartsAtUtc < details.Plan.EndsAtUtc);
            Assert.Equal(visit.Delegation.Headcount, details.Delegation.Headcount);
            Assert.Equal(visit.Delegation.ArrivedCount, details.Delegation.Arrived);
            // Every list field for field, in the order the page shows it (the four are read in one statement).
            Assert.Equal(
                visit.Hosts.OrderBy(h => h.Order).Select(h => new GetVisit.HostRow(h.Name, h.Title, h.StaffUserId)),
                details.Hosts
            );
            Assert.Equal(
                visit
                    .Delegation.Members.OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                    .ThenBy(m => m.FullName, StringComparer.Ordinal)
                    .Select(m => new GetVisit.MemberRow(m.FullName, m.Title, m.Organization, m.Role)),
                details.Roster
            );
            Assert.Equal(
                visit
                    .Agenda.OrderBy(a => a.Order)
                    .Select(a => new GetVisit.AgendaRow(a.Order, a.StartsAt, a.EndsAt, a.Title, a.Speaker, a.Notes)),
                details.Agenda
            );
            Assert.Equal(visit.Topics.OrderBy(t => t.Id).Select(t => t.Title), details.Topics);
            Assert.InRange(details.Hosts.Count, 1, 3);
            Assert.InRange(details.Agenda.Count, 3, 6);
            Assert.Equal(Enumerable.Range(1, details.Agenda.Count), details.Agenda.Select(a => a.Order));
            Assert.InRange(details.Topics.Count, 1, 4);
            Assert.Equal(followUps.GetValueOrDefault(visit.Id), details.FollowUps.Count);
            Assert.NotEmpty(details.History);
            Assert.Equal(visit.Status == VisitStatus.Cancelled, details.CancellationReason is not null);
        }
    }

    [Fact]
    public async Task ListVisits_pages_through_every_generated_visit_once()
    {
        var seen = new List<int>();
        ListVisits.Result page;
        var number = 1;
        do
        {
            page = await Portal.SendAsync(new ListVisits.Query(new ListVisits.Filter(), number++, 30));
            seen.AddRange(page.Rows.Select(r => r.Id));
            Assert.All(page.Rows, row =>
                Assert.True(row.Headcount > 0 && row.Hosts.Count > 0 && row.Organization.Length > 0)
            );
        } while (page.Page < page.PageCount);

        Assert.Equal(Visits, page.TotalCount);
        Assert.Equal(Enumerable.Range(1, Visits), seen.Order());
        var starts = await Portal.WithDbAsync(db => db.Visits.ToDictionaryAsync(v => v.Id, v => v.StartsAtUtc));
        Assert.Equal(seen.Select(id => starts[id]), seen.Select(id => starts[id]).OrderDescending());
    }

    [Fact]
    public async Task Filters_compare_correctly_with_the_stored_dates_and_names()
    {
        var all = await Portal.WithDbAsync(db =>
            db.Visits.AsNoTracking().Include(v => v.Organization).Include(v => v.Delegation).ToListAsync()
        );
        var from = new DateOnly(2020, 1, 1);
        var to = new DateOnly(2023, 6, 30);
        var filter = new ListVisits.Filter
        {
            From = from,
            To = to,
            Status = VisitStatus.Completed,
        };

        var listed = await Portal.SendAsync(new ListVisits.Query(filter, 1, ListVisits.MaxPageSize));

        var expected = all.Where(v => v.Status == VisitStatus.Completed)
            .Where(v =>
                DateOnly.FromDateTime(VenueTime.ToLocal(v.StartsAtUtc, VenueTime.Seoul)) is var day
                && day >= from
                && day <= to
            )
            .Select(v => v.Id)
            .Order();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Rows.Select(r => r.Id).Order());

        var cities = await Portal.SendAsync(
            new ListVisits.Query(new ListVisits.Filter { Text = "city" }, 1, ListVisits.MaxPageSize)
        );
        var expectedCities = all.Count(v =>
            v.Organization.Name.Contains("city", StringComparison.OrdinalIgnoreCase)
            || v.Venue.Contains("city", StringComparison.OrdinalIgnoreCase)
            || (v.Delegation.HeadOfDelegation?.Contains("city", StringComparison.OrdinalIgnoreCase) ?? false)
        );
        Assert.InRange(expectedCities, 1, Visits - 1);
        Assert.Equal(expectedCities, cities.TotalCount);
    }

    [Fact]
    public async Task The_model_reads_every_generated_row()
    {
        var rows = generated.Data.Rows.ToDictionary(r => r.Table, r => r.Rows);

        var organizations = await Portal.WithDbAsync(db => db.Organizations.AsNoTracking().ToListAsync());
        var contacts = await Portal.WithDbAsync(db => db.Contacts.AsNoTracking().CountAsync());
        var visits = await Portal.WithDbAsync(db =>
            db.Visits.AsNoTracking()
                .Include(v => v.Delegation)
                    .ThenInclude(d => d.Members)
                .Include(v => v.Hosts)
                .Include(v => v.Agenda)
                .Include(v => v.Topics)
                .AsSplitQuery()
                .ToListAsync()
        );
        var followUps = await Portal.WithDbAsync(db => db.FollowUps.AsNoTracking().ToListAsync());
        var reports = await Portal.WithDbAsync(db =>
            db.VisitReports.AsNoTracking().Include(r => r.Comments).ToListAsync()
        );
        var inquiries = await Portal.WithDbAsync(db =>
            db.MembershipInquiries.AsNoTracking().Include(i => i.Notes).ToListAsync()
        );
        var audit = await Portal.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Visit)).ToListAsync()
        );

        Assert.Equal(rows["Organizations"], organizations.Count);
        Assert.Equal(rows["Contacts"], contacts);
        Assert.Equal(rows["Visits"], visits.Count);
        Assert.Equal(rows["Delegation"], visits.Count(v => v.Delegation is not null));
        Assert.Equal(rows["DelegationMember"], visits.Sum(v => v.Delegation.Members.Count));
        Assert.Equal(rows["VisitHost"], visits.Sum(v => v.Hosts.Count));
        Assert.Equal(rows["AgendaItem"], visits.Sum(v => v.Agenda.Count));
        Assert.Equal(rows["TopicOfInterest"], visits.Sum(v => v.Topics.Count));
        Assert.Equal(rows["FollowUps"], followUps.Count);
        Assert.Equal(rows["VisitReports"], reports.Count);
        Assert.Equal(rows["ReviewComment"], reports.Sum(r => r.Comments.Count));
        Assert.Equal(rows["MembershipInquiries"], inquiries.Count);
        Assert.Equal(rows["InquiryNote"], inquiries.Sum(i => i.Notes.Count));
        Assert.Equal(rows["AuditEntries"], audit.Count);
        Assert.All(visits, v => Assert.True(v.CreatedAtUtc <= v.StartsAtUtc && v.Version == 0));

        // Every column the model requires is written, not left to a migration's default: the delegation is written
        // to in a portal language, and a roster is in its order of precedence from 1.
        Assert.All(visits, v => Assert.Contains(v.Delegation.ContactLanguage, (string[])["en", "es", "ko"]));
        Assert.Contains(visits, v => v.Delegation.ContactLanguage != "en");
        Assert.All(visits.Where(v => v.Delegation.Members.Count > 0), v =>
            Assert.Equal(
                Enumerable.Range(1, v.Delegation.Members.Count),
                v.Delegation.Members.Select(m => m.Precedence).Order()
            )
        );
        Assert.All(followUps, f =>
            Assert.True(
                (f.VisitId is null) != (f.InquiryId is null)
                    && (f.Status == FollowUpStatus.Open) == (f.ClosedAtUtc is null)
            )
        );
        Assert.All(reports, r => Assert.Equal(VisitStatus.Completed, visits.Single(v => v.Id == r.VisitId).Status));
        Assert.All(inquiries, i => Assert.True(i.Reference.Length <= 20 && i.SubmittedAtUtc <= i.StageChangedAtUtc));
    }

    [Fact]
    public async Task The_data_covers_every_status_stage_region_and_overdue_follow_ups()
    {
        var today = GeneratorOptions.DefaultAsOf;

        var statuses = await Portal.WithDbAsync(db => db.Visits.Select(v => v.Status).Distinct().ToListAsync());
        var stages = await Portal.WithDbAsync(db =>
            db.MembershipInquiries.Select(i => i.Stage).Distinct().ToListAsync()
        );
        var regions = await Portal.WithDbAsync(db => db.Organizations.Select(o => o.Region).Distinct().ToListAsync());
        var reportStates = await Portal.WithDbAsync(db =>
            db.VisitReports.Select(r => r.State).Distinct().ToListAsync()
        );
        var overdue = await Portal.WithDbAsync(db =>
            db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open && f.DueOn < today)
        );
        var rosters = await Portal.WithDbAsync(db => db.Visits.CountAsync(v => v.Delegation.Members.Any()));
        var years = await Portal.WithDbAsync(db => db.Visits.Select(v => v.StartsAtUtc).ToListAsync());

        Assert.Equal(Enum.GetValues<VisitStatus>().Order(), statuses.Order());
        Assert.Equal(Enum.GetValues<InquiryStage>().Order(), stages.Order());
        Assert.Equal(Enum.GetValues<Region>().Order(), regions.Order());
        Assert.Contains(ReviewState.Approved, reportStates);
        Assert.True(overdue > 0, "some follow-ups are overdue");
        Assert.InRange(rosters, 1, Visits - 1);
        Assert.All(years, start => Assert.InRange(start.Year, 2014, 2028));
        Assert.True(years.Min().Year <= 2016 && years.Max().Year >= 2027, "visits spread over 2015-2028");
    }

    [Fact]
    public async Task The_same_seed_makes_the_same_database()
    {
        var first = Path.Combine(Path.GetTempPath(), "wego-generator-" + Guid.NewGuid().ToString("N"));
        var second = Path.Combine(Path.GetTempPath(), "wego-generator-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = await GeneratedDatabase.GenerateAsync(first, new GeneratorOptions(40, 40), CancellationToken.None);
            var b = await GeneratedDatabase.GenerateAsync(second, new GeneratorOptions(40, 40), CancellationToken.None);

            Assert.Equal(a.Rows, b.Rows);
            foreach (
                var table in new[]
                {
                    "Organizations",
                    "Visits",
                    "Delegation",
                    "DelegationMember",
                    "AgendaItem",
                    "FollowUps",
                    "MembershipInquiries",
                }
            )
            {
                Assert.Equal(Dump(a.DatabasePath, table), Dump(b.DatabasePath, table));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Theory]
    [InlineData("2027-01-04")]
    [InlineData("2027-02-27")]
    [InlineData("2028-12-31")]
    public async Task The_demo_s_year_is_laid_around_whatever_day_it_is_created(string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "wego-demo-year-" + Guid.NewGuid().ToString("N"));
        var again = Path.Combine(Path.GetTempPath(), "wego-demo-year-" + Guid.NewGuid().ToString("N"));
        try
        {
            var data = await GeneratedDatabase.GenerateAsync(
                folder,
                LivingHistory.Options(today),
                CancellationToken.None
            );
            var same = await GeneratedDatabase.GenerateAsync(
                again,
                LivingHistory.Options(today),
                CancellationToken.None
            );

            var iso = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var month = iso[..7];
            Assert.Equal(LivingHistory.Visits, Scalar(data.DatabasePath, "SELECT COUNT(*) FROM Visits"));
            Assert.Equal(
                0,
                Scalar(
                    data.DatabasePath,
                    $"SELECT COUNT(*) FROM Visits WHERE date(StartsAtUtc) < date('{iso}', '-1 year', '-1 day') "
                        + $"OR date(StartsAtUtc) > date('{iso}', '+4 months', '+3 days')"
                )
            );
            Assert.True(
                Scalar(data.DatabasePath, $"SELECT COUNT(*) FROM Visits WHERE substr(StartsAtUtc, 1, 7) = '{month}'")
                    > 0,
                "a visit in the current month"
            );
            Assert.Equal(4, Scalar(data.DatabasePath, "SELECT COUNT(DISTINCT State) FROM VisitReports"));
            Assert.True(
                Scalar(data.DatabasePath, $"SELECT COUNT(*) FROM FollowUps WHERE Status = 'Open' AND DueOn < '{iso}'")
                    > 0,
                "an overdue follow-up"
            );
            Assert.Equal(
                3,
                Scalar(
                    data.DatabasePath,
                    $"SELECT COUNT(DISTINCT Language) FROM NewsReleases WHERE PublishedAtUtc <= '{iso} 23:59'"
                )
            );
            Assert.Equal(7, Scalar(data.DatabasePath, "SELECT COUNT(DISTINCT Stage) FROM MembershipInquiries"));
            Assert.True(Scalar(data.DatabasePath, "SELECT COUNT(*) FROM Members") > 0, "members in the registry");
            foreach (var table in new[] { "Organizations", "Visits", "VisitReports", "MembershipInquiries", "Members" })
            {
                Assert.Equal(Dump(data.DatabasePath, table), Dump(same.DatabasePath, table));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            Directory.Delete(again, recursive: true);
        }
    }

    private static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The test's own SQL; the only values are formatted dates.
        command.CommandText = sql;
#pragma warning restore CA2100
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Dump(string databasePath, string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(
                string.Join(
                    '|',
                    Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetString(i))
                )
            );
        }

        return rows;
    }
}
