using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.Retention;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The retention of delegation contacts, run by the portal's own background service against a clock the test
/// moves: <see cref="DelegationSettings.ContactRetentionDays"/> (365) days after a visit ended, its delegation contact,
/// its page link, the delegates' addresses, the messages to them or naming the contact and the audit values holding
/// them are erased; the roster's names, titles and the visit's record stay; a later visit is untouched.</summary>
public sealed class DelegationContactRetentionTests : IDisposable
{
    /// <summary>The Seremban visit (7 October 2024, 10:00-12:00 in Seoul) ends at 03:00 UTC.</summary>
    private static readonly DateTimeOffset VisitEnds = new(2024, 10, 7, 3, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(VisitEnds.AddDays(-30))) { SeedDemo = false };

    public void Dispose() => portal.Dispose();

    private Task<int> RunRetentionAsync() =>
        portal
            .Services.GetServices<IHostedService>()
            .OfType<DelegationContactRetention>()
            .Single()
            .RunOnceAsync(default);

    /// <summary>A confirmed visit on <paramref name="date"/> whose delegation contact is <paramref name="contact"/>
    /// at <paramref name="email"/>, with one delegate whose address is <paramref name="delegateEmail"/>.</summary>
    private async Task<int> VisitAsync(DateOnly date, string contact, string email, string delegateEmail)
    {
        var id = await portal.ScheduleVisitAsync(c => c with { Date = date });
        await portal.SendAsync(new ConfirmVisit.Command(id, 0));
        await portal.SendAsync(
            new EditProgramme.Command
            {
                VisitId = id,
                Version = await VersionAsync(id),
                ContactName = contact,
                ContactEmail = email,
                ContactLanguage = "en",
                DayContacts = $"On the day: Kim Min-ji, +82 2 2133 {date.Day:00}{date.Month:00}",
            }
        );
        await portal.SendAsync(
            new AddDelegate.Command
            {
                VisitId = id,
                Version = await VersionAsync(id),
                FullName = "Tan Wei Ming",
                Title = "Councillor",
                Role = DelegationRole.Delegate,
                Email = delegateEmail,
            }
        );
        return id;
    }

    private async Task<int> VersionAsync(int id) => (await portal.SendAsync(new GetVisit.Query(id)))!.Version;

    private Task<Visit> StoredAsync(int id) =>
        portal.WithDbAsync(db =>
            db.Visits.AsNoTracking().Include(v => v.Delegation).ThenInclude(d => d.Members).SingleAsync(v => v.Id == id)
        );

    private Task<List<OutboxMessage>> MessagesAsync() =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private static object Record(Visit v) =>
        new
        {
            v.Status,
            v.StartsAtUtc,
            v.EndsAtUtc,
            v.OrganizationId,
            v.Purpose,
            v.Delegation.HeadOfDelegation,
            Roster = v.Delegation.Members.Select(m => $"{m.FullName}|{m.Title}|{m.Role}").ToList(),
        };

    [Fact]
    public async Task Contacts_and_delegates_addresses_are_erased_after_the_retention_period_and_nothing_else()
    {
        var ended = await VisitAsync(
            new DateOnly(2024, 10, 7),
            "Aminah Yusof",
            "aminah@mbs.gov.my",
            "tan.weiming@mbs.gov.my"
        );
        var later = await VisitAsync(new DateOnly(2024, 12, 2), "Dana Sarsen", "dana@almaty.kz", "tan@almaty.kz");
        var audit = await portal.WithDbAsync(async db =>
        {
            // Messages the visit's work wrote, and an audit value written before the field was marked personal.
            var at = portal.Clock.Now.UtcDateTime;
            db.OutboxMessages.AddRange(
                new OutboxMessage("aminah@mbs.gov.my", "Programme", "Dear Aminah Yusof,", "en", at, "Programme"),
                new OutboxMessage("tan.weiming@mbs.gov.my", "Badge", "Your badge.", "en", at, "Badge"),
                new OutboxMessage("dana@almaty.kz", "Programme", "Dear Dana Sarsen,", "en", at, "Programme")
            );
            var entry = new AuditEntry(
                at,
                null,
                "system",
                nameof(Visit),
                $"{ended}",
                "Imported",
                """{"ContactEmail":"aminah@mbs.gov.my","Purpose":"Introduce WeGO"}"""
            );
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        var record = Record(await StoredAsync(ended));

        portal.Clock.Now = VisitEnds.AddDays(365).AddMinutes(-1);
        Assert.Equal(0, await RunRetentionAsync());
        Assert.Equal("aminah@mbs.gov.my", (await StoredAsync(ended)).Delegation.ContactEmail);
        Assert.NotNull((await StoredAsync(ended)).DayContacts);

        portal.Clock.Now = VisitEnds.AddDays(365).AddMinutes(1);
        Assert.Equal(1, await RunRetentionAsync());
        Assert.Equal(0, await RunRetentionAsync());

        var forgotten = await StoredAsync(ended);
        Assert.Equal(
            ((string?)null, (string?)null, (string?)null),
            (forgotten.Delegation.ContactName, forgotten.Delegation.ContactEmail, forgotten.Delegation.LinkTokenHash)
        );
        Assert.All(forgotten.Delegation.Members, m => Assert.Null(m.Email));
        Assert.Null(forgotten.DayContacts);
        Assert.Equivalent(record, Record(forgotten));
        var messages = await MessagesAsync();
        var everything = string.Join("\n", messages.Select(m => m.To + " " + m.Body));
        foreach (var gone in new[] { "aminah@mbs.gov.my", "Aminah Yusof", "tan.weiming@mbs.gov.my" })
        {
            Assert.DoesNotContain(gone, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(
            ["Badge", "Programme"],
            messages.Where(m => m.ErasedAtUtc is not null).Select(m => m.Kind).Order()
        );
        Assert.Contains(messages, m => m.To == "dana@almaty.kz" && m.Body == "Dear Dana Sarsen,");
        Assert.Equal(
            """{"ContactEmail":"(erased)","Purpose":"Introduce WeGO"}""",
            await portal.WithDbAsync(db =>
                db.AuditEntries.Where(a => a.Id == audit).Select(a => a.Changes).SingleAsync()
            )
        );

        // The December visit has not been over long enough.
        var kept = await StoredAsync(later);
        Assert.Equal("dana@almaty.kz", kept.Delegation.ContactEmail);
        Assert.Equal(["tan@almaty.kz"], kept.Delegation.Members.Select(m => m.Email));
        Assert.Equal("On the day: Kim Min-ji, +82 2 2133 0212", kept.DayContacts);
    }

    [Fact]
    public async Task One_batch_erases_the_copies_of_every_visit_in_it_also_where_another_record_copied_a_Korean_name()
    {
        var first = await VisitAsync(new DateOnly(2024, 10, 7), "김민지", "minji@seoul.example", "lee@seoul.example");
        var second = await VisitAsync(new DateOnly(2024, 10, 8), "Aminah Yusof", "aminah@mbs.gov.my", "tan@mbs.gov.my");
        var (copied, unrelated) = await portal.WithDbAsync(async db =>
        {
            var at = portal.Clock.Now.UtcDateTime;
            db.OutboxMessages.AddRange(
                new OutboxMessage("minji@seoul.example", "Programme", "Dear delegation,", "ko", at, "Programme"),
                new OutboxMessage("desk@wego.example", "To Min-ji", "김민지님께 안내드립니다.", "ko", at, "Note"),
                new OutboxMessage("desk@wego.example", "Call back", "Call Aminah Yusof back.", "en", at, "Note"),
                new OutboxMessage("desk@wego.example", "To Seo-jun", "박서준님께 안내드립니다.", "ko", at, "Note")
            );

            // Written as the audit trail writes its values: JSON with non-ASCII characters escaped.
            AuditEntry Entry(string id, object changes) =>
                new(at, null, "system", "Contact", id, "Imported", JsonSerializer.Serialize(changes));
            var copy = Entry("900", new { FullName = "김민지", Note = "met Aminah Yusof in Seremban" });
            var other = Entry("901", new { FullName = "박서준", Note = "met Aminah Yusofa" });
            db.AuditEntries.AddRange(copy, other);
            await db.SaveChangesAsync();
            return (copy.Id, other.Id);
        });

        portal.Clock.Now = VisitEnds.AddDays(367);
        Assert.Equal(2, await RunRetentionAsync());

        Assert.Null((await StoredAsync(first)).Delegation.ContactName);
        Assert.Null((await StoredAsync(second)).Delegation.ContactName);
        Assert.Equal(
            ["Programme", "To Min-ji", "Call back"],
            (await MessagesAsync()).Where(m => m.ErasedAtUtc is not null).Select(m => m.Subject)
        );
        var changes = await portal.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Id == copied || a.Id == unrelated).ToDictionaryAsync(a => a.Id, a => a.Changes)
        );
        Assert.Equal(
            new { FullName = "(erased)", Note = "(erased)" },
            JsonSerializer.Deserialize(changes[copied], new { FullName = "", Note = "" }.GetType())
        );
        Assert.Equal(
            JsonSerializer.Serialize(new { FullName = "박서준", Note = "met Aminah Yusofa" }),
            changes[unrelated]
        );
    }

    /// <summary>Adds a message to <paramref name="to"/> saying <paramref name="body"/>; its id.</summary>
    private Task<int> MessageAsync(string to, string body) =>
        portal.WithDbAsync(async db =>
        {
            var message = new OutboxMessage(to, "Note", body, "en", portal.Clock.Now.UtcDateTime, "Note");
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    private Task<FoundCopies?> SearchAsync(int days) =>
        portal.RunAsSystemAsync(m => m.Send(new ForgetDelegationContacts.SearchCopies(days)));

    private Task<int> BatchAsync(int days, FoundCopies? found) =>
        portal.RunAsSystemAsync(m => m.Send(new ForgetDelegationContacts.Command(days, found)));

    private Task<bool> ErasedAsync(int message) =>
        portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == message && m.ErasedAtUtc != null));

    // The search stands for the batch's own only where writers take turns (FoundCopies): on SQLite.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Copies_written_between_the_search_and_the_batch_are_erased_with_the_ones_found()
    {
        await VisitAsync(new DateOnly(2024, 10, 7), "Aminah Yusof", "aminah@mbs.gov.my", "tan@mbs.gov.my");
        var before = await MessageAsync("desk@wego.example", "Dear Aminah Yusof,");
        portal.Clock.Now = VisitEnds.AddDays(367);

        var found = await SearchAsync(365);

        Assert.NotNull(found);
        Assert.Contains(before, found.Messages);
        // Written after the search read the outbox and the audit trail, before the batch's turn.
        var after = await MessageAsync("desk@wego.example", "Call Aminah Yusof back.");
        var other = await MessageAsync("desk@wego.example", "Call Aminah Yusofa back.");
        var copied = await portal.WithDbAsync(async db =>
        {
            var entry = new AuditEntry(
                portal.Clock.Now.UtcDateTime,
                null,
                "system",
                "Contact",
                "900",
                "Imported",
                JsonSerializer.Serialize(new { Note = "met Aminah Yusof" })
            );
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        Assert.True(copied > found.AuditThrough);

        Assert.Equal(1, await BatchAsync(365, found));

        Assert.True(await ErasedAsync(before));
        Assert.True(await ErasedAsync(after));
        Assert.False(await ErasedAsync(other));
        Assert.Equal(
            """{"Note":"(erased)"}""",
            await portal.WithDbAsync(db =>
                db.AuditEntries.Where(a => a.Id == copied).Select(a => a.Changes).SingleAsync()
            )
        );
    }

    // The search stands for the batch's own only where writers take turns (FoundCopies): on SQLite.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task A_value_the_search_did_not_look_for_is_looked_for_by_the_batch_and_one_it_no_longer_erases_stays()
    {
        var first = await VisitAsync(new DateOnly(2024, 10, 7), "Aminah Yusof", "aminah@mbs.gov.my", "tan@mbs.gov.my");
        var second = await VisitAsync(new DateOnly(2024, 10, 8), "Siti Rahman", "siti@mbs.gov.my", "lim@mbs.gov.my");
        await VisitAsync(new DateOnly(2024, 12, 2), "Dana Sarsen", "dana@almaty.kz", "tan@almaty.kz");
        var toDana = await MessageAsync("dana@almaty.kz", "Dear Dana Sarsen,");
        var toSiti = await MessageAsync("siti@mbs.gov.my", "Dear Siti Rahman,");
        // A year after the first visit, half a day before the second one's year is over.
        portal.Clock.Now = VisitEnds.AddDays(365).AddHours(12);

        // Searched for a longer batch than the one that runs: the later visits' copies are found but not due.
        var found = await SearchAsync(300);
        Assert.NotNull(found);
        Assert.Contains(toDana, found.Messages);
        Assert.Contains(toSiti, found.Messages);
        Assert.Equal(1, await BatchAsync(365, found));
        Assert.Null((await StoredAsync(first)).Delegation.ContactEmail);
        Assert.False(await ErasedAsync(toDana));
        Assert.False(await ErasedAsync(toSiti));

        // A contact address given after the search (an address other mail went to before it): the batch looks for
        // what the search did not.
        portal.Clock.Now = VisitEnds.AddDays(367);
        var toNewAddress = await MessageAsync("siti.rahman@mbs.gov.my", "Your programme.");
        var stale = await SearchAsync(365);
        await portal.SendAsync(
            new EditProgramme.Command
            {
                VisitId = second,
                Version = await VersionAsync(second),
                ContactName = "Siti Rahman",
                ContactEmail = "siti.rahman@mbs.gov.my",
                ContactLanguage = "en",
            }
        );

        Assert.Equal(1, await BatchAsync(365, stale));

        Assert.Null((await StoredAsync(second)).Delegation.ContactEmail);
        Assert.True(await ErasedAsync(toNewAddress));
        Assert.True(await ErasedAsync(toSiti));
        Assert.False(await ErasedAsync(toDana));
    }

    [Fact]
    public async Task The_copies_are_searched_for_ahead_only_where_writers_take_turns_and_erased_either_way()
    {
        var ended = await VisitAsync(new DateOnly(2024, 10, 7), "Aminah Yusof", "aminah@mbs.gov.my", "tan@mbs.gov.my");
        var message = await MessageAsync("desk@wego.example", "Dear Aminah Yusof,");
        portal.Clock.Now = VisitEnds.AddDays(367);

        var found = await SearchAsync(365);

        // On a server database a slower transaction may commit a lower id after the search: the batch searches itself.
        Assert.Equal(portal.Database == TestDatabase.Sqlite, found is not null);
        Assert.Equal(1, await BatchAsync(365, found));
        Assert.True(await ErasedAsync(message));
        Assert.Null((await StoredAsync(ended)).Delegation.ContactEmail);
    }

    [Fact]
    public async Task Zero_days_keeps_delegation_contacts()
    {
        portal.Settings["Portal:Delegations:ContactRetentionDays"] = "0";
        var ended = await VisitAsync(new DateOnly(2024, 10, 7), "Aminah Yusof", "aminah@mbs.gov.my", "tan@mbs.gov.my");
        portal.Clock.Now = VisitEnds.AddYears(10);

        Assert.Equal(0, await RunRetentionAsync());

        Assert.Equal("aminah@mbs.gov.my", (await StoredAsync(ended)).Delegation.ContactEmail);
    }
}
