using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Tests;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Written = new(2024, 10, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static OutboxMessage NewMessage() => new("official@example.org", "Thank you", "본문", "ko", Written);

    private static bool ClaimableInSql(OutboxMessage message, DateTime nowUtc) =>
        OutboxMessage.Claimable(nowUtc).Compile()(message);

    [Fact]
    public void A_new_message_is_due_at_once_and_claimable_by_anyone()
    {
        var message = NewMessage();

        Assert.True(message.IsClaimable(Written));
        Assert.True(ClaimableInSql(message, Written));
        Assert.Null(message.ClaimedBy);
    }

    [Fact]
    public void A_claimed_message_is_held_by_its_claimant_and_refused_to_another_until_the_lease_ends()
    {
        var message = NewMessage();

        Assert.True(message.TryClaim("instance-a", Written, Lease));

        Assert.True(message.IsHeldBy("instance-a", Written.AddMinutes(4)));
        Assert.False(message.IsHeldBy("instance-b", Written.AddMinutes(4)));
        Assert.False(message.TryClaim("instance-b", Written.AddMinutes(4), Lease));
        Assert.False(ClaimableInSql(message, Written.AddMinutes(4)));
        Assert.Equal("instance-a", message.ClaimedBy);
    }

    [Fact]
    public void An_expired_lease_lets_another_sender_take_the_message_over_and_the_first_no_longer_holds_it()
    {
        var message = NewMessage();
        message.TryClaim("crashed-instance", Written, Lease);

        Assert.True(ClaimableInSql(message, Written + Lease));
        Assert.True(message.TryClaim("instance-b", Written + Lease, Lease));

        Assert.False(message.IsHeldBy("crashed-instance", Written + Lease));
        Assert.True(message.IsHeldBy("instance-b", Written + Lease));
        Assert.Equal(Written + Lease + Lease, message.ClaimedUntilUtc);
    }

    [Fact]
    public void A_sent_message_is_never_claimed_again_and_sending_twice_keeps_the_first_time()
    {
        var message = NewMessage();
        message.TryClaim("instance-a", Written, Lease);

        message.MarkSent(Written.AddSeconds(1));
        message.MarkSent(Written.AddSeconds(9));

        Assert.Equal(Written.AddSeconds(1), message.SentAtUtc);
        Assert.Null(message.ClaimedBy);
        Assert.Null(message.ClaimedUntilUtc);
        Assert.False(message.IsClaimable(Written.AddDays(1)));
        Assert.False(ClaimableInSql(message, Written.AddDays(1)));
        Assert.False(message.IsHeldBy("instance-a", Written.AddSeconds(2)));
    }

    [Fact]
    public void A_failure_releases_the_claim_and_backs_off_exponentially_up_to_one_hour()
    {
        var message = NewMessage();
        var now = Written;
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            Assert.True(message.TryClaim("instance-a", now, Lease));
            message.RecordFailure("Connection refused", now);
            Assert.Null(message.ClaimedBy);
            Assert.False(message.IsClaimable(message.NextAttemptAtUtc.AddTicks(-1)));
            Assert.False(ClaimableInSql(message, message.NextAttemptAtUtc.AddTicks(-1)));
            delays.Add(message.NextAttemptAtUtc - now);
            now = message.NextAttemptAtUtc;
        }

        Assert.Equal(12, message.Attempts);
        Assert.Equal("Connection refused", message.LastError);
        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600], delays.Select(d => d.TotalSeconds));
        Assert.Null(message.SentAtUtc);
    }

    [Fact]
    public void A_long_error_is_kept_to_two_thousand_characters()
    {
        var message = NewMessage();

        message.RecordFailure(new string('x', 5000), Written);

        Assert.Equal(2000, message.LastError!.Length);
    }

    [Fact]
    public void A_claim_needs_a_claimant()
    {
        Assert.Equal(
            "Outbox.ClaimantRequired",
            Assert.Throws<DomainException>(() => NewMessage().TryClaim(" ", Written, Lease)).Code
        );
    }
}
