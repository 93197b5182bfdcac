using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Bench.VisitsList;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Infrastructure.Mail;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Bench.Outbox;

/// <summary>How fast the outbox drains after an outage: <c>--messages</c> messages (10,000 by default) wait in a fresh
/// SQLite database, then the portal's own <see cref="OutboxDispatcher"/> delivers them to an SMTP listener on loopback
/// (<see cref="SmtpTestServer"/>), one round after another as its background loop does while batches come back full.
/// Beside the figure, the same messages over the same kind of SMTP conversation with no database at all: the floor the
/// dispatcher cannot go below on this machine, so the table says how much of the time is the portal's own.</summary>
internal static class OutboxDrainBenchmark
{
    public static async Task<int> RunAsync(int messages, TextWriter output)
    {
        if (messages < 1)
        {
            throw new ArgumentException("--messages must be at least 1");
        }

        var folder = Path.Combine(Path.GetTempPath(), "wego-outbox-drain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        // The portal logs every delivery to the console as it would in production; keep that out of the figures.
        var console = Console.Out;
        var hostConsole = new StreamWriter(Path.Combine(folder, "bench-host-console.log"), append: false);
        Console.SetOut(hostConsole);
        try
        {
            return await RunInAsync(folder, messages, output);
        }
        finally
        {
            Console.SetOut(console);
            await hostConsole.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunInAsync(string folder, int count, TextWriter output)
    {
        await using var smtp = new SmtpTestServer().Start();
        var settings = new Dictionary<string, string>
        {
            // The rounds are driven here, back to back; the background loop would only add its pause after the last.
            ["Portal:Mail:Dispatch"] = "false",
            ["Portal:Mail:Smtp:Host"] = "127.0.0.1",
            ["Portal:Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Portal:Mail:Smtp:Security"] = "None",
        };
        using var portal = new BenchPortal(folder, settings);
        _ = portal.Server;
        var delivery = portal.Services.GetRequiredService<IOptions<MailDeliverySettings>>().Value;
        var mail = portal.Services.GetRequiredService<IOptions<MailSettings>>().Value;
        var queued = await QueueAsync(portal, count);

        var dispatcher = portal.Services.GetRequiredService<OutboxDispatcher>();
        var rounds = 0;
        var watch = Stopwatch.StartNew();
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
            rounds++;
        }

        watch.Stop();
        var sent = await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc != null));
        var received = smtp.Received;
        var distinct = received.Select(m => m.Message.MessageId).Distinct(StringComparer.Ordinal).Count();

        var wire = await SmtpAloneAsync(queued, mail, delivery.BatchSize);
        var drainSeconds = watch.Elapsed.TotalSeconds;
        var wireSeconds = wire.Elapsed.TotalSeconds;
        var drainRate = sent / drainSeconds;
        var wireRate = wire.Count / wireSeconds;
        var drainLabel = $"**drain: the portal's dispatcher** ({rounds} rounds)";
        var wireLabel = $"SMTP alone (MailKit, one connection per {delivery.BatchSize})";

        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"""

                Outbox drain after an outage: {count:N0} queued messages,
                {Environment.ProcessorCount} cores, load average {LoadAverage.Now()}
                (BatchSize {delivery.BatchSize}, SQLite in {folder}, SMTP listener on 127.0.0.1:{smtp.Port},
                {BenchPortal.Environment})

                | what | messages | seconds | messages/s |
                |---|---:|---:|---:|
                | {drainLabel} | {sent:N0} | {drainSeconds:N1} | **{drainRate:N0}** |
                | {wireLabel} | {wire.Count:N0} | {wireSeconds:N1} | {wireRate:N0} |

                Delivered: {sent:N0} of {count:N0} marked sent;
                the listener received {received.Count:N0} ({distinct:N0} distinct Message-Ids).
                Load average at the end: {LoadAverage.Now()}
                """
            )
        );
        return sent == count && received.Count == count && distinct == count ? 0 : 1;
    }

    /// <summary>Messages like the portal's confirmations (a third each in English, Spanish and Korean, about 1 KB),
    /// due an hour ago, written in transactions of a thousand.</summary>
    private static async Task<List<OutboxMessage>> QueueAsync(BenchPortal portal, int count)
    {
        var due = DateTime.UtcNow.AddHours(-1);
        var all = new List<OutboxMessage>(count);
        for (var start = 0; start < count; start += 1000)
        {
            var chunk = Enumerable.Range(start, Math.Min(1000, count - start)).Select(n => Message(n, due)).ToList();
            await portal.WithDbAsync(async db =>
            {
                db.OutboxMessages.AddRange(chunk);
                return await db.SaveChangesAsync();
            });
            all.AddRange(chunk);
        }

        return all;
    }

    private static OutboxMessage Message(int n, DateTime due)
    {
        var (language, subject, line) = (n % 3) switch
        {
            0 => (
                "en",
                "WeGO Secretariat: we have received your inquiry",
                "Thank you for your interest in WeGO membership. "
            ),
            1 => (
                "es",
                "Secretaría de WeGO: hemos recibido su consulta",
                "Gracias por su interés en ser miembro de WeGO. "
            ),
            _ => ("ko", "WeGO 사무국: 문의가 접수되었습니다", "WeGO 회원 가입에 관심을 가져 주셔서 감사합니다. "),
        };
        var body = string.Concat(Enumerable.Repeat(line, 20)) + $"\nReference WGO-B-{n:D6}\n";
        return new OutboxMessage($"official{n}@city{n % 500}.example.org", subject, body, language, due);
    }

    /// <summary>The same messages composed as the dispatcher composes them and sent with MailKit to a second listener,
    /// one connection per batch, with no database: what the wire and the listener cost.</summary>
    private static async Task<(int Count, TimeSpan Elapsed)> SmtpAloneAsync(
        List<OutboxMessage> messages,
        MailSettings mail,
        int batchSize
    )
    {
        await using var server = new SmtpTestServer().Start();
        var watch = Stopwatch.StartNew();
        foreach (var batch in messages.Chunk(batchSize))
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
            foreach (var message in batch)
            {
                await client.SendAsync(OutboxMail.Compose(message, mail));
            }

            await client.DisconnectAsync(quit: true);
        }

        return (messages.Count, watch.Elapsed);
    }
}
