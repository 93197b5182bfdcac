namespace WeGO.Portal.Domain.Common;

/// <summary>An email waiting to be sent. Written in the same transaction as the change that caused it,
/// so accepted work never loses its message; a background sender delivers and marks it.</summary>
public sealed class OutboxMessage : Entity
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string to, string subject, string body, string language, DateTime createdAtUtc)
    {
        To = Require.Text(to, "Outbox.RecipientRequired", 320);
        Subject = Require.Text(subject, "Outbox.SubjectRequired", 300);
        Body = body;
        Language = language;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Language { get; private set; } = "en";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc ??= nowUtc;
    }

    /// <summary>Records a failed attempt and backs off exponentially, capped at one hour.</summary>
    public void RecordFailure(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length <= 2000 ? error : error[..2000];
        var delay = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Min(Attempts, 20))));
        NextAttemptAtUtc = nowUtc + delay;
    }
}
