using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Infrastructure.Mail;

/// <summary>Delivers the outbox: every few seconds it claims a batch of due, unsent messages with one conditional
/// UPDATE, so instances sharing the database never send the same message, then sends what it holds and marks each sent
/// or failed (failures back off and are tried again; nothing is dropped). Its writes take their turn with the portal's
/// commands on SQLite (<see cref="SqliteWriteGate"/>), so a steady stream of form posts cannot starve it.</summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    SqliteWriteGate writeGate,
    IOptions<MailDeliverySettings> delivery,
    IOptions<MailSettings> mail,
    PortalDataDirectory data,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger
) : BackgroundService
{
    // Names this process in ClaimedBy; each batch adds its own suffix, so a claim is read back only by the batch that
    // made it.
    private static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Outcomes recorded per transaction. A crash (not a shutdown) between the server's acceptance and the
    /// record sends at most these again, each once, when the lease runs out: the price of not committing per
    /// message.</summary>
    public const int RecordEvery = 10;

    private int reportedNoServer;

    private MailDeliverySettings Settings => delivery.Value;

    /// <summary>Claims one batch of due messages and delivers it; returns how many messages it claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var route = OpenRoute();
        if (route is null)
        {
            return 0;
        }

        await using (route)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var claimant = Claimant();
            List<OutboxMessage> messages;
            try
            {
                // The claim is inside: a shutdown can land after its UPDATE committed and before the batch is read
                // back.
                messages = await ClaimAsync(db, claimant, cancellationToken);
                await DeliverAsync(db, route, claimant, messages, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down (a deploy, a restart): hand back what this batch still holds, or it would wait out the
                // whole lease (five minutes by default) before the next instance may send it.
                using var turn = await writeGate.EnterAsync(db, CancellationToken.None);
                await db
                    .OutboxMessages.Where(m => m.ClaimedBy == claimant && m.SentAtUtc == null)
                    .ExecuteUpdateAsync(
                        set =>
                            set.SetProperty(m => m.ClaimedBy, (string?)null)
                                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null),
                        CancellationToken.None
                    );
                throw;
            }

            return messages.Count;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Dispatch)
        {
            logger.LogInformation("Outbox delivery is off on this instance (Portal:Mail:Dispatch=false)");
            return;
        }

        // Start-up goes on while the first look at the outbox happens right away.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: go again without pausing.
                while (await DispatchDueAsync(stoppingToken) >= Settings.BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever broke this round (the database away, a bug), the sender must live on: an exception
                // escaping a background service stops the whole portal.
                logger.LogError(
                    ex,
                    "Outbox delivery round failed; trying again in {PollSeconds} s",
                    Settings.PollSeconds
                );
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Settings.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string Claimant()
    {
        var claimant = $"{Instance}/{Guid.NewGuid():N}";
        return claimant.Length <= OutboxMessage.ClaimantMaxLength
            ? claimant
            : claimant[^OutboxMessage.ClaimantMaxLength..];
    }

    /// <summary>One UPDATE takes up to a batch of claimable messages (the claim rule is checked again on every row it
    /// changes, so of two instances racing for a row only one gets it); then this batch reads back what it now
    /// holds.</summary>
    private async Task<List<OutboxMessage>> ClaimAsync(
        PortalDbContext db,
        string claimant,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(Settings.LeaseSeconds);
        var claimable = OutboxMessage.Claimable(now);
        var batch = db
            .OutboxMessages.Where(claimable)
            .OrderBy(m => m.NextAttemptAtUtc)
            .ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(Settings.BatchSize);

        int claimed;
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            claimed = await db
                .OutboxMessages.Where(claimable)
                .Where(m => batch.Contains(m.Id))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(m => m.ClaimedBy, claimant).SetProperty(m => m.ClaimedUntilUtc, until),
                    cancellationToken
                );
        }

        if (claimed == 0)
        {
            return [];
        }

        return await db
            .OutboxMessages.Where(m => m.ClaimedBy == claimant && m.SentAtUtc == null)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sends what the batch holds over one connection and records the outcomes a group at a time (<see
    /// cref="RecordEvery"/>), in one transaction per group rather than one per message: a commit per message cost four
    /// fifths of the dispatcher's time (docs/performance.md). Whatever has been sent is recorded before this returns or
    /// throws, shutdown included; only a crash can leave outcomes unrecorded, and then only those of the group in
    /// hand.</summary>
    private async Task DeliverAsync(
        PortalDbContext db,
        IMailRoute route,
        string claimant,
        List<OutboxMessage> messages,
        CancellationToken cancellationToken
    )
    {
        var unrecorded = 0;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                if (!message.IsHeldBy(claimant, clock.GetUtcNow().UtcDateTime))
                {
                    // The lease ran out (a slow server): another instance may hold the rest by now.
                    logger.LogWarning(
                        "Outbox lease ran out after {Sent} of {Claimed} message(s); the rest go back to the queue",
                        i,
                        messages.Count
                    );
                    return;
                }

                // A shutdown stops the batch between two messages, never inside one: a message cut off after the server
                // accepted it but before its answer arrived would be handed back and sent again after the restart.
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var where = await route.SendAsync(OutboxMail.Compose(message, mail.Value), CancellationToken.None);
                    message.MarkSent(clock.GetUtcNow().UtcDateTime);
                    logger.LogInformation(
                        "Outbox message {OutboxId} sent to {Route} after {Attempts} failed attempt(s)",
                        message.Id,
                        where,
                        message.Attempts
                    );
                }
                catch (MailServerUnavailableException ex)
                {
                    // Nothing will get through now: every message still held gets its attempt and its back-off.
                    foreach (var held in messages.Skip(i))
                    {
                        Fail(held, ex);
                    }

                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // This message only: the next one still goes.
                    Fail(message, ex);
                }

                if (++unrecorded == RecordEvery)
                {
                    await SaveAsync(db);
                    unrecorded = 0;
                }
            }
        }
        finally
        {
            // Also while shutting down (the token is not passed on): a message the server accepted is recorded as sent
            // before the batch hands back what it still holds, so a restart does not send it again.
            await SaveAsync(db);
        }
    }

    private async Task SaveAsync(PortalDbContext db)
    {
        using var turn = await writeGate.EnterAsync(db, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Fail(OutboxMessage message, Exception ex)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.RecordFailure(ex.Message, now);

        // The log gets the id, the attempt and the kind of error, never addresses or text; the full error is in
        // LastError.
        logger.LogWarning(
            "Outbox message {OutboxId} attempt {Attempt} failed ({Error}); next attempt at {NextAttemptAtUtc:u}",
            message.Id,
            message.Attempts,
            Describe(ex),
            message.NextAttemptAtUtc
        );
    }

    private static string Describe(Exception ex) =>
        ex switch
        {
            MailServerUnavailableException { InnerException: { } inner } => "server unavailable: " + Describe(inner),
            SmtpCommandException command => $"SMTP {(int)command.StatusCode} {command.ErrorCode}",
            SocketException socket => $"socket {socket.SocketErrorCode}",
            MimeKit.ParseException => "invalid recipient address",
            _ => ex.GetType().Name,
        };

    /// <summary>The SMTP server when one is configured; in Development the data folder; otherwise nothing, and the
    /// messages wait (an error is logged once, since nobody would otherwise notice that mail is not leaving).</summary>
    private IMailRoute? OpenRoute()
    {
        if (Settings.Smtp.HasHost)
        {
            return new SmtpRoute(Settings.Smtp);
        }

        if (environment.IsDevelopment())
        {
            return new PickupFolderRoute(data.Combine("mail"));
        }

        if (Interlocked.Exchange(ref reportedNoServer, 1) == 0)
        {
            logger.LogError(
                "No SMTP server configured (Portal:Mail:Smtp:Host): outbox messages stay queued until one is"
            );
        }

        return null;
    }
}
