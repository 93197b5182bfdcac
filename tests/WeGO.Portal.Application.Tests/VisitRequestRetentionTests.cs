using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.Retention;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The retention of visit requests' contacts, run by the portal's own background service against a clock the
/// test moves: <see cref="VisitRequestSettings.RetentionDays"/> (730) days after a request was declined or accepted,
/// its contact's name, position, address and telephone, the messages to or about them and the audit values holding them
/// are erased; the city, dates, size, purpose and status stay; open and younger requests are untouched.</summary>
public sealed class VisitRequestRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Closed = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(Closed)) { SeedDemo = false };

    public void Dispose() => portal.Dispose();

    private Task<int> RunRetentionAsync() =>
        portal.Services.GetServices<IHostedService>().OfType<VisitRequestRetention>().Single().RunOnceAsync(default);

    private async Task<int> RequestAsync(string name, string email) =>
        (await portal.VisitRequestAsync(c => c with { ContactName = name, Email = email })).Id;

    private async Task DeclineAsync(int id) =>
        await portal.SendAsync(
            new DeclineVisitRequest.Command
            {
                RequestId = id,
                Version = (await portal.StoredVisitRequestAsync(id)).Version,
                Reason = "No dates free this spring",
            }
        );

    private async Task AcceptAsync(int id) =>
        await portal.SendAsync(AcceptVisitRequest.Command.PrefilledFrom(await portal.StoredVisitRequestAsync(id)));

    private Task<List<OutboxMessage>> MessagesAsync() =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private async Task<List<object>> StatisticsAsync(params int[] ids)
    {
        var all = new List<object>();
        foreach (var id in ids)
        {
            all.Add(Statistics(await portal.StoredVisitRequestAsync(id)));
        }

        return all;
    }

    private static object Statistics(VisitRequest r) =>
        new
        {
            r.Status,
            r.StatusChangedAtUtc,
            r.SubmittedAtUtc,
            r.OrganizationName,
            r.CountryCode,
            r.DelegationSize,
            r.EarliestDate,
            r.LatestDate,
            r.Purpose,
            r.VisitId,
        };

    [Fact]
    public async Task Closed_requests_lose_their_contact_after_the_retention_period_and_nothing_else()
    {
        var declined = await RequestAsync("Lee Kai Yet", "lee.kaiyet@mbs.gov.my");
        await DeclineAsync(declined);
        var accepted = await RequestAsync("Ana Mora", "ana.mora@cuenca.gob.ec");
        await AcceptAsync(accepted);
        var open = await RequestAsync("Dana Sarsen", "dana@almaty.kz");
        var audit = await portal.WithDbAsync(async db =>
        {
            // An audit value written before the field was marked personal.
            var entry = new AuditEntry(
                Closed.UtcDateTime,
                null,
                "system",
                nameof(VisitRequest),
                $"{declined}",
                "Imported",
                """{"Email":"lee.kaiyet@mbs.gov.my","Status":"Received"}"""
            );
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        portal.Clock.Now = Closed.AddDays(1);
        var younger = await RequestAsync("Tan Wei Ming", "tan.weiming@mbs.gov.my");
        await DeclineAsync(younger);
        var statisticsBefore = await StatisticsAsync(declined, accepted);
        Assert.Contains(await MessagesAsync(), m => m.To == "lee.kaiyet@mbs.gov.my");

        portal.Clock.Now = Closed.AddDays(730).AddMinutes(-1);
        Assert.Equal(0, await RunRetentionAsync());
        Assert.Equal("Lee Kai Yet", (await portal.StoredVisitRequestAsync(declined)).ContactName);

        portal.Clock.Now = Closed.AddDays(730).AddMinutes(1);
        Assert.Equal(2, await RunRetentionAsync());
        Assert.Equal(0, await RunRetentionAsync());

        foreach (var id in new[] { declined, accepted })
        {
            var erased = await portal.StoredVisitRequestAsync(id);
            Assert.Equal(
                (Erased.Mark, Erased.Mark, (string?)null, (string?)null),
                (erased.ContactName, erased.Email, erased.Phone, erased.ContactPosition)
            );
        }

        Assert.Equivalent(statisticsBefore, await StatisticsAsync(declined, accepted));
        var messages = await MessagesAsync();
        var everything = string.Join("\n", messages.Select(m => m.To + " " + m.Body));
        foreach (var gone in new[] { "lee.kaiyet@mbs.gov.my", "Lee Kai Yet", "ana.mora@cuenca.gob.ec", "Ana Mora" })
        {
            Assert.DoesNotContain(gone, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(messages, m => m.To == "dana@almaty.kz");
        Assert.Contains(messages, m => m.To == "tan.weiming@mbs.gov.my");
        Assert.Equal(
            """{"Email":"(erased)","Status":"Received"}""",
            await portal.WithDbAsync(db =>
                db.AuditEntries.Where(a => a.Id == audit).Select(a => a.Changes).SingleAsync()
            )
        );
        foreach (var (id, name) in new[] { (open, "Dana Sarsen"), (younger, "Tan Wei Ming") })
        {
            Assert.Equal(name, (await portal.StoredVisitRequestAsync(id)).ContactName);
        }
    }

    [Fact]
    public async Task Zero_days_keeps_closed_requests_contacts()
    {
        portal.Settings["Portal:VisitRequests:RetentionDays"] = "0";
        var declined = await RequestAsync("Lee Kai Yet", "lee.kaiyet@mbs.gov.my");
        await DeclineAsync(declined);
        portal.Clock.Now = Closed.AddYears(10);

        Assert.Equal(0, await RunRetentionAsync());

        Assert.Equal("lee.kaiyet@mbs.gov.my", (await portal.StoredVisitRequestAsync(declined)).Email);
    }
}
