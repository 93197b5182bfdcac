using System.Diagnostics;
using WeGO.Portal.Testing;
using Xunit.Abstractions;

namespace WeGO.Portal.Web.Tests.Reliability;

/// <summary>The public /Membership/Join form under many browsers at once on a real Kestrel port and a real SQLite file,
/// through a restart in the middle and a mail server that is down: nothing accepted is lost, nothing is stored or
/// mailed twice.</summary>
public sealed class PublicFormUnderLoadTests(ITestOutputHelper output, TestDurations durations)
    : IClassFixture<TestDurations>
{
    private const int Clients = 32;

    [Fact]
    public async Task Five_thousand_submissions_from_32_browsers_are_each_stored_exactly_once_and_none_fails()
    {
        using var timing = durations.Time(this);
        await using var load = new InquiryLoad();
        load.StartPortal();

        var watch = Stopwatch.StartNew();
        await Patiently.ForAsync(load.SubmitAsync(5000, Clients), "5,000 submissions to be answered", () =>
            load.Answered
        );
        Report("5,000 submissions", load, watch);

        Assert.Empty(load.ServerErrors);
        AssertStoredExactlyOnce(load, await load.StoredEmailsAsync());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_load_loses_and_duplicates_nothing_and_every_email_goes_out_once()
    {
        using var timing = durations.Time(this);
        await using var smtp = new SmtpTestServer().Start();
        await using var load = new InquiryLoad(smtp);
        load.StartPortal();

        var watch = Stopwatch.StartNew();
        var submitting = load.SubmitAsync(2000, Clients);
        await Patiently.UntilAsync(
            "the load to be under way",
            () => (load.Accepted.Count, submitting.IsCompleted),
            v => v.Count >= 700 || v.IsCompleted
        );
        await load.StopPortalAsync();
        var acceptedBeforeRestart = load.Accepted.Count;
        load.StartPortal();
        await Patiently.ForAsync(submitting, "2,000 submissions to be answered across the restart", () =>
            load.Answered
        );
        Report($"2,000 submissions, restart after {acceptedBeforeRestart} accepted", load, watch);

        Assert.Empty(load.ServerErrors);
        Assert.InRange(acceptedBeforeRestart, 1, 1999);
        Assert.True(load.ConnectionErrors > 0, "The clients should have met the restart.");
        AssertStoredExactlyOnce(load, await load.StoredEmailsAsync());
        await AssertEveryMessageDeliveredExactlyOnceAsync(load, smtp);
    }

    [Fact]
    public async Task Mail_queued_while_the_server_is_down_for_the_whole_load_is_all_delivered_once_it_is_back()
    {
        using var timing = durations.Time(this);
        await using var smtp = new SmtpTestServer().Start();
        await smtp.StopAsync();
        await using var load = new InquiryLoad(smtp);
        load.StartPortal();

        var watch = Stopwatch.StartNew();
        await Patiently.ForAsync(load.SubmitAsync(500, Clients), "500 submissions to be answered", () => load.Answered);
        Report("500 submissions, mail server down", load, watch);
        var expectedMessages = 2 * load.Accepted.Count;
        await Patiently.UntilAsync(
            "every message tried while the server is down",
            async () => (await load.OutboxAsync()).Count(m => m.Attempts >= 1),
            tried => tried == expectedMessages
        );
        Assert.All(await load.OutboxAsync(), m => Assert.False(m.Sent));
        Assert.Empty(smtp.Received);

        smtp.Start();
        load.Clock.Shift = TimeSpan.FromHours(2);

        Assert.Empty(load.ServerErrors);
        AssertStoredExactlyOnce(load, await load.StoredEmailsAsync());
        await AssertEveryMessageDeliveredExactlyOnceAsync(load, smtp);
    }

    private static void AssertStoredExactlyOnce(InquiryLoad load, List<string> stored)
    {
        Assert.NotEmpty(load.Accepted);
        Assert.Equal(load.Accepted.Count, load.Accepted.Distinct(StringComparer.Ordinal).Count());
        var counts = stored.CountBy(e => e, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        Assert.All(load.Accepted, email => Assert.Equal(1, counts.GetValueOrDefault(email)));
        Assert.Equal(load.Accepted.Count, stored.Count);
    }

    /// <summary>Two messages per accepted inquiry (the confirmation and the Secretariat's notification), each received
    /// once: as many distinct Message-Ids as messages, and every inquirer's confirmation exactly once.</summary>
    private static async Task AssertEveryMessageDeliveredExactlyOnceAsync(InquiryLoad load, SmtpTestServer smtp)
    {
        var expected = 2 * load.Accepted.Count;
        Assert.Equal(expected, (await load.OutboxAsync()).Count);
        await Patiently.UntilAsync(
            $"every one of {expected} outbox messages to be delivered (progress: marked sent, received)",
            async () => ((await load.OutboxAsync()).Count(m => m.Sent), smtp.Received.Count),
            v => v.Item1 == expected && v.Item2 >= expected
        );

        var received = smtp.Received;
        Assert.Equal(expected, received.Count);
        Assert.Equal(expected, received.Select(m => m.Message.MessageId).Distinct(StringComparer.Ordinal).Count());
        var confirmations = received
            .SelectMany(m => m.Recipients)
            .Where(r => r.StartsWith("load-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(load.Accepted.Order(StringComparer.Ordinal), confirmations);
    }

    private void Report(string what, InquiryLoad load, Stopwatch watch) =>
        output.WriteLine(
            $"{what}: {load.Accepted.Count} accepted, {load.Rejected.Count} rejected "
                + $"({string.Join(", ", load.Rejected.CountBy(s => s).Select(c => $"{c.Value}x {c.Key}"))}), "
                + $"{load.ServerErrors.Count} server errors, {load.ConnectionErrors} connection errors retried, "
                + $"{watch.Elapsed.TotalSeconds:F1} s"
        );
}
