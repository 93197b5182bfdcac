namespace WeGO.Portal.Domain.Visits;

public enum VisitStatus
{
    Requested = 1,
    Confirmed = 2,
    Completed = 3,
    Cancelled = 4,
}
