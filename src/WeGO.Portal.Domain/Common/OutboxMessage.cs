using System.Linq.Expressions;

namespace WeGO.Portal.Domain.Common;

/// <summary>An email waiting to be sent. Written in the same transaction as the change that caused it,
/// so accepted work never loses its message; a background sender delivers and marks it.</summary>
/// <remarks>Several portal instances may share one database. A sender first claims a message for a while (a lease:
/// <see cref="ClaimedBy"/> until <see cref="ClaimedUntilUtc"/>), so no two send it; a sender that dies mid-batch
/// leaves a lease that expires, and another sender takes the message over.</remarks>
public sealed class OutboxMessage : Entity
{
    public const int SubjectMaxLength = 300;
    public const int LastErrorMaxLength = 2000;
    public const int ClaimantMaxLength = 200;
    public const int AttachmentNameMaxLength = 100;
    public const int AttachmentTypeMaxLength = 100;
    public const int KindMaxLength = 100;

    /// <summary>What an erased message's recipient reads.</summary>
    public const string ErasedRecipient = "—";

    private OutboxMessage() { }

    /// <param name="kind">Which message this is (the template's name, "InquiryReceived"): what the record keeps once
    /// the recipient and the body are erased.</param>
    public OutboxMessage(
        string to,
        string subject,
        string body,
        string language,
        DateTime createdAtUtc,
        string kind = "Message"
    )
    {
        Kind = Require.Text(kind, "Outbox.KindRequired", KindMaxLength);
        To = Require.Text(to, "Outbox.RecipientRequired", EmailAddress.MaxLength);
        Subject = Require.Text(subject, "Outbox.SubjectRequired", SubjectMaxLength);
        Body = body;
        Language = language;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    public string Kind { get; private set; } = "";

    /// <summary>The recipient's address: <see cref="ErasedRecipient"/> once erased.</summary>
    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Language { get; private set; } = "en";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>A text file sent with the message (a programme's <c>.ics</c>), if any.</summary>
    public string? AttachmentName { get; private set; }

    public string? AttachmentType { get; private set; }

    public string? AttachmentContent { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The sender holding this message, while <see cref="ClaimedUntilUtc"/> lies ahead.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>When the recipient, the body and the attachment were erased (after the sent messages' retention, or
    /// with the person they were about); null while the message is whole.</summary>
    public DateTime? ErasedAtUtc { get; private set; }

    public DateTime? ClaimedUntilUtc { get; private set; }

    /// <summary>The claim rule as a query, for the single conditional UPDATE that claims a batch in the database:
    /// unsent, not erased, due, and not held by a lease that is still running. <see cref="IsClaimable"/> is the same
    /// rule in memory.</summary>
    public static Expression<Func<OutboxMessage, bool>> Claimable(DateTime nowUtc) =>
        m =>
            m.SentAtUtc == null
            && m.ErasedAtUtc == null
            && m.NextAttemptAtUtc <= nowUtc
            && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc <= nowUtc);

    public bool IsClaimable(DateTime nowUtc) =>
        SentAtUtc is null
        && ErasedAtUtc is null
        && NextAttemptAtUtc <= nowUtc
        && (ClaimedUntilUtc is null || ClaimedUntilUtc <= nowUtc);

    /// <summary>Whether <paramref name="claimant"/> still holds this message: only then may it send it.</summary>
    public bool IsHeldBy(string claimant, DateTime nowUtc) =>
        SentAtUtc is null && ClaimedBy == claimant && ClaimedUntilUtc > nowUtc;

    /// <summary>Takes the message for <paramref name="lease"/>; false when it is sent, not due, or held by a running
    /// lease.</summary>
    public bool TryClaim(string claimant, DateTime nowUtc, TimeSpan lease)
    {
        if (!IsClaimable(nowUtc))
        {
            return false;
        }

        ClaimedBy = Require.Text(claimant, "Outbox.ClaimantRequired", ClaimantMaxLength);
        ClaimedUntilUtc = nowUtc + lease;
        return true;
    }

    public OutboxMessage Attach(string fileName, string contentType, string content)
    {
        AttachmentName = Require.Text(fileName, "Outbox.AttachmentNameRequired", AttachmentNameMaxLength);
        AttachmentType = Require.Text(contentType, "Outbox.AttachmentNameRequired", AttachmentTypeMaxLength);
        AttachmentContent = content;
        return this;
    }

    /// <summary>Erases what the message said and to whom: the recipient, the body, the attachment's content and the
    /// last error (a mail server's error quotes the address). Its kind, subject, language and dates stay for the
    /// record. A message erased before it was sent is never sent (<see cref="Claimable"/>).</summary>
    public void Erase(DateTime nowUtc)
    {
        To = ErasedRecipient;
        Body = "";
        AttachmentContent = AttachmentContent is null ? null : "";
        LastError = null;
        ErasedAtUtc ??= nowUtc;
        Release();
    }

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc ??= nowUtc;
        Release();
    }

    /// <summary>Records a failed attempt and backs off exponentially (10 s, 20 s, 40 s...), capped at one hour;
    /// the message is never given up, and the lease is released for whoever is due to try next.</summary>
    public void RecordFailure(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length <= LastErrorMaxLength ? error : error[..LastErrorMaxLength];
        var delay = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Min(Attempts, 20))));
        NextAttemptAtUtc = nowUtc + delay;
        Release();
    }

    private void Release()
    {
        ClaimedBy = null;
        ClaimedUntilUtc = null;
    }
}
