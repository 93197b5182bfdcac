using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Infrastructure.Retention;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The retention of sent mail, run by the portal's own background service against a clock the test moves:
/// a message sent more than <see cref="MailSettings.SentRetentionDays"/> (90) days ago loses its recipient, body and
/// attachment; its kind, subject, language and dates stay; unsent and younger messages are untouched.</summary>
public sealed class SentMailRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Sent = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(Sent)) { SeedDemo = false };

    public void Dispose() => portal.Dispose();

    private Task<int> RunRetentionAsync() =>
        portal.Services.GetServices<IHostedService>().OfType<SentMailRetention>().Single().RunOnceAsync(default);

    /// <summary>Writes a message to <paramref name="to"/> with an attachment, sent at <paramref name="sentAt"/>
    /// (null: still queued); its id.</summary>
    private Task<int> MessageAsync(string to, DateTimeOffset? sentAt) =>
        portal.WithDbAsync(async db =>
        {
            var message = new OutboxMessage(
                to,
                "Your visit programme",
                $"Dear Lee Kai Yet ({to}), your programme is attached.",
                "en",
                Sent.UtcDateTime.AddHours(-1),
                "VisitProgramme"
            ).Attach("programme.ics", "text/calendar", "BEGIN:VCALENDAR\nATTENDEE:" + to + "\nEND:VCALENDAR");
            if (sentAt is { } at)
            {
                message.MarkSent(at.UtcDateTime);
            }

            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    private Task<OutboxMessage> StoredAsync(int id) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Sent_messages_lose_recipient_body_and_attachment_after_the_retention_period_and_nothing_else()
    {
        var old = await MessageAsync("lee.kaiyet@mbs.gov.my", Sent);
        var younger = await MessageAsync("tan.weiming@mbs.gov.my", Sent.AddDays(1));
        var queued = await MessageAsync("queued@mbs.gov.my", null);
        var before = await StoredAsync(old);

        portal.Clock.Now = Sent.AddDays(90).AddMinutes(-1);
        Assert.Equal(0, await RunRetentionAsync());
        Assert.Equivalent(before, await StoredAsync(old));

        portal.Clock.Now = Sent.AddDays(90).AddMinutes(1);
        Assert.Equal(1, await RunRetentionAsync());
        Assert.Equal(0, await RunRetentionAsync());

        var erased = await StoredAsync(old);
        Assert.Equal(
            (OutboxMessage.ErasedRecipient, "", "", (string?)null),
            (erased.To, erased.Body, erased.AttachmentContent, erased.LastError)
        );
        Assert.Equal(portal.Clock.Now.UtcDateTime, erased.ErasedAtUtc);
        Assert.Equal(
            (
                before.Kind,
                before.Subject,
                before.Language,
                before.CreatedAtUtc,
                before.SentAtUtc,
                before.AttachmentName
            ),
            (erased.Kind, erased.Subject, erased.Language, erased.CreatedAtUtc, erased.SentAtUtc, erased.AttachmentName)
        );

        // Sent a day later, and not sent at all: whole.
        Assert.Equal("tan.weiming@mbs.gov.my", (await StoredAsync(younger)).To);
        Assert.Contains("Lee Kai Yet", (await StoredAsync(younger)).Body, StringComparison.Ordinal);
        var unsent = await StoredAsync(queued);
        Assert.Equal(("queued@mbs.gov.my", (DateTime?)null), (unsent.To, unsent.ErasedAtUtc));
    }

    [Fact]
    public async Task Zero_days_keeps_sent_messages_whole()
    {
        portal.Settings["Portal:Mail:SentRetentionDays"] = "0";
        var old = await MessageAsync("lee.kaiyet@mbs.gov.my", Sent.AddYears(-5));

        Assert.Equal(0, await RunRetentionAsync());

        Assert.Equal("lee.kaiyet@mbs.gov.my", (await StoredAsync(old)).To);
    }
}
