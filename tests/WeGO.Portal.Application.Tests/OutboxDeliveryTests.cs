using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Infrastructure.Mail;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The outbox sender against real SQLite files and a real SMTP conversation (MailKit to <see
/// cref="SmtpTestServer"/>), with the clock in the test's hands so back-off and leases run out when the test
/// says.</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 10, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly FixedClock clock = new(Start);
    private readonly SmtpTestServer server = new();
    private readonly List<PortalFactory> portals = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task InitializeAsync()
    {
        server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var portal in portals)
        {
            portal.Dispose();
        }

        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_due_message_goes_out_over_smtp_with_its_recipient_subject_and_korean_body_and_is_marked_sent()
    {
        var portal = Portal(
            ("Portal:Mail:Smtp:UserName", "portal-sender"),
            ("Portal:Mail:Smtp:Password", "sender-password")
        );
        const string body = "안녕하세요, 세렘반 시의회 대표단 여러분.\n.점으로 시작하는 줄도 그대로 갑니다.\n.";
        var id = await QueueAsync(
            portal,
            new OutboxMessage("official@seremban.gov.my", "WeGO 사무국: 문의 접수 확인", body, "ko", Now)
        );

        Assert.Equal(1, await DispatchAsync(portal));

        var mail = Assert.Single(server.Received);
        Assert.Equal(["official@seremban.gov.my"], mail.Recipients);
        Assert.Equal("portal-sender", mail.AuthenticatedUser);
        Assert.Equal("official@seremban.gov.my", Assert.Single(mail.Message.To.Mailboxes).Address);
        Assert.Equal("WeGO 사무국: 문의 접수 확인", mail.Message.Subject);
        Assert.Equal(body, Lines(mail.Message.TextBody));
        Assert.Equal("utf-8", Assert.IsType<TextPart>(mail.Message.Body).ContentType.Charset, ignoreCase: true);
        Assert.Equal($"outbox-{id}@wego-portal", mail.Message.MessageId);
        Assert.Equal("ko", mail.Message.Body.Headers[HeaderId.ContentLanguage]);
        var from = Assert.Single(mail.Message.From.Mailboxes);
        Assert.Equal(("WeGO Secretariat", "no-reply@wego-portal.local"), (from.Name, from.Address));

        var sent = await MessageAsync(portal, id);
        Assert.Equal(Now, sent.SentAtUtc);
        Assert.Null(sent.ClaimedBy);
        Assert.Equal(0, sent.Attempts);
        Assert.Equal(0, await DispatchAsync(portal));
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task While_the_server_is_down_each_attempt_is_recorded_nothing_is_lost_and_the_back_off_is_respected()
    {
        var portal = Portal();
        await server.StopAsync();
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await QueueAsync(portal, Message(i)));
        }

        Assert.Equal(3, await DispatchAsync(portal));
        foreach (var message in await MessagesAsync(portal, ids))
        {
            Assert.Equal((1, (DateTime?)null, (string?)null), (message.Attempts, message.SentAtUtc, message.ClaimedBy));
            Assert.Equal(Now.AddSeconds(10), message.NextAttemptAtUtc);
            Assert.Contains("unavailable", message.LastError, StringComparison.Ordinal);
        }

        Assert.Equal(0, await DispatchAsync(portal));
        clock.Now = Start.AddSeconds(9);
        Assert.Equal(0, await DispatchAsync(portal));
        Assert.All(await MessagesAsync(portal, ids), m => Assert.Equal(1, m.Attempts));

        clock.Now = Start.AddSeconds(10);
        Assert.Equal(3, await DispatchAsync(portal));
        Assert.All(await MessagesAsync(portal, ids), m =>
            Assert.Equal((2, Now.AddSeconds(20)), (m.Attempts, m.NextAttemptAtUtc))
        );
        Assert.Empty(server.Received);
        Assert.Equal(3, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc == null)));
    }

    [Fact]
    public async Task Two_hundred_messages_queued_while_the_server_was_down_are_each_delivered_once_when_it_returns()
    {
        var portal = Portal(("Portal:Mail:Dispatch", "true"), ("Portal:Mail:PollSeconds", "0.1"));
        await server.StopAsync();
        for (var i = 0; i < 200; i++)
        {
            await QueueAsync(portal, Message(i));
        }

        await Patiently.UntilAsync(
            "every message tried while the server is down",
            () => portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Attempts >= 1)),
            tried => tried == 200
        );
        Assert.Equal(200, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc == null)));

        server.Start();
        clock.Now = Start.AddHours(2);

        await Patiently.UntilAsync(
            "every message sent once the server is back",
            () => portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc != null)),
            sent => sent == 200
        );
        var ids = server.Received.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(200, ids.Count);
        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, 200).Select(i => $"Visit {i}").Order(StringComparer.Ordinal),
            server.Received.Select(m => m.Message.Subject).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_does_not_hold_back_the_messages_after_it()
    {
        var portal = Portal();
        server.RejectRecipient("nobody@example.org");
        var first = await QueueAsync(portal, Message(1));
        var refused = await QueueAsync(portal, new OutboxMessage("nobody@example.org", "Refused", "Body", "en", Now));
        var last = await QueueAsync(portal, Message(3));

        Assert.Equal(3, await DispatchAsync(portal));

        Assert.Equal(
            [$"outbox-{first}@wego-portal", $"outbox-{last}@wego-portal"],
            server.Received.Select(m => m.Message.MessageId)
        );
        var message = await MessageAsync(portal, refused);
        Assert.Equal((1, (DateTime?)null), (message.Attempts, message.SentAtUtc));
        Assert.Contains("Mailbox unavailable", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public Task Two_instances_on_the_same_database_send_each_of_500_messages_exactly_once() =>
        TwoInstancesSendEachOf500MessagesOnceAsync(TestDatabase.Sqlite);

    [PostgreSqlFact]
    public Task Two_instances_on_the_same_postgresql_database_send_each_of_500_messages_exactly_once() =>
        TwoInstancesSendEachOf500MessagesOnceAsync(TestDatabase.PostgreSql);

    private async Task TwoInstancesSendEachOf500MessagesOnceAsync(TestDatabase database)
    {
        var first = Portal(database, ("Portal:Mail:BatchSize", "20"));
        var second = Portal(
            database,
            ("Portal:Mail:BatchSize", "20"),
            ("ConnectionStrings:Portal", first.DatabaseConnectionString)
        );
        await first.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(Enumerable.Range(0, 500).Select(Message));
            return await db.SaveChangesAsync();
        });

        var claimed = await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        Assert.Equal(500, claimed.Sum());
        var ids = server.Received.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(500, ids.Count);
        Assert.Equal(500, ids.Distinct().Count());
        Assert.Equal(500, await second.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc != null)));
    }

    [Fact]
    public async Task Messages_held_by_a_sender_that_crashed_are_taken_over_once_its_lease_expires()
    {
        var portal = Portal(("Portal:Mail:LeaseSeconds", "300"));
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await QueueAsync(portal, Message(i)));
        }

        // Another instance claimed the batch and died before sending: its lease is all that is left of it.
        await portal.WithDbAsync(async db =>
        {
            foreach (var message in await db.OutboxMessages.ToListAsync())
            {
                Assert.True(message.TryClaim("crashed-host/4242/batch", Now, TimeSpan.FromSeconds(300)));
            }

            return await db.SaveChangesAsync();
        });

        clock.Now = Start.AddSeconds(299);
        Assert.Equal(0, await DispatchAsync(portal));
        Assert.Empty(server.Received);

        clock.Now = Start.AddSeconds(300);
        Assert.Equal(3, await DispatchAsync(portal));
        Assert.Equal(ids.Select(id => $"outbox-{id}@wego-portal"), server.Received.Select(m => m.Message.MessageId));
        Assert.All(await MessagesAsync(portal, ids), m =>
            Assert.Equal((Now, (string?)null), (m.SentAtUtc, m.ClaimedBy))
        );
    }

    [Fact]
    public async Task A_shutdown_mid_batch_records_every_message_the_server_accepted_so_none_goes_out_twice()
    {
        var portal = Portal();
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await QueueAsync(portal, Message(i)));
        }

        // Stopped while a message is on the wire, in the middle of a recording group: the last few accepted are only in
        // memory.
        var acceptedBeforeShutdown = OutboxDispatcher.RecordEvery + 5;
        using var shutdown = new CancellationTokenSource();
        server.BeforeNextMessage = received =>
        {
            if (received == acceptedBeforeShutdown)
            {
                shutdown.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(shutdown.Token)
        );

        // The message the shutdown came in the middle of is finished, then the batch stops.
        var afterShutdown = await MessagesAsync(portal, ids);
        Assert.Equal(acceptedBeforeShutdown + 1, server.Received.Count);
        Assert.Equal(acceptedBeforeShutdown + 1, afterShutdown.Count(m => m.SentAtUtc != null));
        Assert.All(afterShutdown, m => Assert.Null(m.ClaimedBy));
        server.BeforeNextMessage = null;
        Assert.Equal(30 - acceptedBeforeShutdown - 1, await DrainAsync(portal));
        Assert.Equal(ids.Select(OutboxMail.MessageId), server.Received.Select(m => m.Message.MessageId));
    }

    // The crash is SQLite's write lock held by another connection (BEGIN IMMEDIATE on the file).
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task A_crash_before_accepted_messages_are_recorded_sends_only_those_again_and_each_only_once()
    {
        // The crashing sender gives up on a locked database after a second, as a process that dies gives up at once.
        var database = Portal(TestDatabase.Sqlite);
        var portal = Portal(
            TestDatabase.Sqlite,
            ("ConnectionStrings:Portal", database.DatabaseConnectionString + ";Default Timeout=1;Pooling=False")
        );
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await QueueAsync(portal, Message(i)));
        }

        // The first group is recorded; while the second is being sent, the database goes away before it can be.
        SqliteConnection? locker = null;
        server.BeforeNextMessage = received =>
        {
            if (received == OutboxDispatcher.RecordEvery + 5)
            {
                locker = HoldWriteLock(database);
            }
        };
        var crash = await Record.ExceptionAsync(() => DispatchAsync(portal));
        Assert.Contains("database is locked", crash?.ToString(), StringComparison.Ordinal);
        locker!.Dispose();
        server.BeforeNextMessage = null;
        var recorded = (await MessagesAsync(portal, ids)).Where(m => m.SentAtUtc != null).Select(m => m.Id).ToList();
        Assert.Equal(ids.Take(OutboxDispatcher.RecordEvery), recorded);

        // Another sender (or this one restarted) takes them over when the crashed sender's lease runs out.
        clock.Now = Start.AddSeconds(300);
        Assert.Equal(30 - OutboxDispatcher.RecordEvery, await DrainAsync(portal));

        var received = server.Received.CountBy(m => m.Message.MessageId ?? "").ToDictionary();
        Assert.Equal(
            ids.Select(OutboxMail.MessageId).Order(StringComparer.Ordinal),
            received.Keys.Order(StringComparer.Ordinal)
        );
        var resent = received.Where(r => r.Value > 1).Select(r => r.Key).Order(StringComparer.Ordinal);
        Assert.Equal(
            ids.Skip(OutboxDispatcher.RecordEvery)
                .Take(OutboxDispatcher.RecordEvery)
                .Select(OutboxMail.MessageId)
                .Order(StringComparer.Ordinal),
            resent
        );
        Assert.All(received.Values, times => Assert.InRange(times, 1, 2));
        Assert.All(await MessagesAsync(portal, ids), m => Assert.NotNull(m.SentAtUtc));
    }

    [Fact]
    public async Task In_development_without_an_smtp_server_each_message_is_written_as_an_eml_file_and_marked_sent()
    {
        var portal = Portal(smtp: false);
        var id = await QueueAsync(
            portal,
            new OutboxMessage(
                "official@seremban.gov.my",
                "Gracias por su consulta",
                "Hola, Seremban.\n¡Hasta pronto!",
                "es",
                Now
            )
        );

        Assert.Equal(1, await DispatchAsync(portal));

        var path = Path.Combine(portal.DataDirectory, "mail", $"outbox-{id}.eml");
        using var written = await MimeMessage.LoadAsync(path);
        Assert.Equal("Gracias por su consulta", written.Subject);
        Assert.Equal("Hola, Seremban.\n¡Hasta pronto!", Lines(written.TextBody));
        Assert.Equal("official@seremban.gov.my", Assert.Single(written.To.Mailboxes).Address);
        Assert.Equal(Now, (await MessageAsync(portal, id)).SentAtUtc);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Outside_development_without_an_smtp_server_messages_stay_queued_untouched()
    {
        var portal = Portal(smtp: false, environment: "Production");
        var id = await QueueAsync(portal, Message(1));

        Assert.Equal(0, await DispatchAsync(portal));
        Assert.Equal(0, await DispatchAsync(portal));

        var message = await MessageAsync(portal, id);
        Assert.Equal((0, (DateTime?)null, (string?)null), (message.Attempts, message.SentAtUtc, message.ClaimedBy));
        Assert.False(Directory.Exists(Path.Combine(portal.DataDirectory, "mail")));
    }

    /// <summary>A body as written: the line breaks of the wire (CRLF, and the one that ends the message) taken back
    /// out.</summary>
    private static string? Lines(string? body) => body?.ReplaceLineEndings("\n").TrimEnd('\n');

    private OutboxMessage Message(int number) =>
        new($"city{number}@example.org", $"Visit {number}", $"Body of message {number}", "en", Now);

    private ClockedPortal Portal(params (string Key, string Value)[] settings) => Portal(true, "Development", settings);

    private ClockedPortal Portal(TestDatabase database, params (string Key, string Value)[] settings) =>
        Portal(true, "Development", database, settings);

    private ClockedPortal Portal(
        bool smtp,
        string environment = "Development",
        params (string Key, string Value)[] settings
    ) => Portal(smtp, environment, PortalFactory.DefaultDatabase, settings);

    private ClockedPortal Portal(
        bool smtp,
        string environment,
        TestDatabase database,
        params (string Key, string Value)[] settings
    )
    {
        var portal = new ClockedPortal(clock)
        {
            SeedDemo = false,
            Environment = environment,
            Database = database,
        };
        if (smtp)
        {
            portal.Settings["Portal:Mail:Smtp:Host"] = "127.0.0.1";
            portal.Settings["Portal:Mail:Smtp:Port"] = server.Port.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            );
            portal.Settings["Portal:Mail:Smtp:Security"] = "None";
            portal.Settings["Portal:Mail:Smtp:TimeoutSeconds"] = Patiently.StallLimit.TotalSeconds.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            );
        }

        foreach (var (key, value) in settings)
        {
            portal.Settings[key] = value;
        }

        portals.Add(portal);
        portal.Start();
        return portal;
    }

    /// <summary>Another process writing to the portal's SQLite file, holding its write lock until disposed.</summary>
    private static SqliteConnection HoldWriteLock(PortalFactory portal)
    {
        var connection = new SqliteConnection(portal.DatabaseConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static Task<int> DispatchAsync(PortalFactory portal) =>
        portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private static async Task<int> DrainAsync(PortalFactory portal)
    {
        var total = 0;
        for (var claimed = await DispatchAsync(portal); claimed > 0; claimed = await DispatchAsync(portal))
        {
            total += claimed;
        }

        return total;
    }

    private static Task<int> QueueAsync(PortalFactory portal, OutboxMessage message) =>
        portal.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    private static Task<OutboxMessage> MessageAsync(PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private static Task<List<OutboxMessage>> MessagesAsync(PortalFactory portal, List<int> ids) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
}
