using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.FollowUps;

public enum FollowUpStatus
{
    Open = 1,
    Done = 2,
    Dropped = 3,
}

/// <summary>Something the Secretariat promised to do after a visit or an inquiry, owned by one person, due by a
/// date.</summary>
public sealed class FollowUp : AggregateRoot
{
    public const int DescriptionMaxLength = 1000;

    private FollowUp() { }

    public FollowUp(
        string description,
        string ownerName,
        string? ownerUserId,
        DateOnly dueOn,
        int? visitId,
        int? inquiryId,
        DateTime createdAtUtc
    )
    {
        if (visitId is null && inquiryId is null)
        {
            throw new DomainException("FollowUp.NeedsVisitOrInquiry");
        }

        Description = Require.Text(description, "FollowUp.DescriptionRequired", DescriptionMaxLength);
        AssignTo(ownerName, ownerUserId);
        DueOn = dueOn;
        VisitId = visitId;
        InquiryId = inquiryId;
        CreatedAtUtc = createdAtUtc;
        Status = FollowUpStatus.Open;
    }

    /// <summary>Something promised during a visit. A cancelled visit takes no new follow-ups.</summary>
    public static FollowUp ForVisit(
        Visit visit,
        string description,
        string ownerName,
        string? ownerUserId,
        DateOnly dueOn,
        DateTime createdAtUtc
    )
    {
        if (!visit.CanAmend)
        {
            throw new DomainException("Visit.Cancelled");
        }

        return new FollowUp(description, ownerName, ownerUserId, dueOn, visit.Id, null, createdAtUtc);
    }

    public string Description { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public string? OwnerUserId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public int? VisitId { get; private set; }

    public int? InquiryId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>Whether it can be marked done, dropped or given a new date: while it is open.</summary>
    public bool CanClose => CanCloseIn(Status);

    public bool CanReopen => CanReopenIn(Status);

    // The state rules, asked of a status so a query that projects the status asks the rule the entity enforces.
    public static bool CanCloseIn(FollowUpStatus status) => status == FollowUpStatus.Open;

    public static bool CanReopenIn(FollowUpStatus status) => status != FollowUpStatus.Open;

    public bool IsOverdue(DateOnly today) => IsOverdueIn(Status, DueOn, today);

    /// <summary>Open and due before <paramref name="today"/> (the viewer's day).</summary>
    public static bool IsOverdueIn(FollowUpStatus status, DateOnly dueOn, DateOnly today) =>
        status == FollowUpStatus.Open && dueOn < today;

    public void AssignTo(string ownerName, string? ownerUserId)
    {
        OwnerName = Require.Text(ownerName, "FollowUp.OwnerRequired", PersonName.MaxLength);
        OwnerUserId = Require.OptionalText(ownerUserId, UserKey.MaxLength);
    }

    public void Reschedule(DateOnly dueOn)
    {
        EnsureOpen();
        DueOn = dueOn;
    }

    public void Complete(string by, DateTime nowUtc) => Close(FollowUpStatus.Done, by, nowUtc);

    public void Drop(string by, DateTime nowUtc) => Close(FollowUpStatus.Dropped, by, nowUtc);

    public void Reopen()
    {
        if (!CanReopen)
        {
            throw new DomainException("FollowUp.AlreadyOpen");
        }

        Status = FollowUpStatus.Open;
        ClosedAtUtc = null;
        ClosedBy = null;
    }

    private void Close(FollowUpStatus status, string by, DateTime nowUtc)
    {
        EnsureOpen();
        Status = status;
        ClosedBy = Require.Text(by, "FollowUp.ClosedByRequired", PersonName.MaxLength);
        ClosedAtUtc = nowUtc;
    }

    private void EnsureOpen()
    {
        if (!CanClose)
        {
            throw new DomainException("FollowUp.NotOpen", Status);
        }
    }
}
