namespace WeGO.Portal.Domain.Reports;

public enum ReviewState
{
    Draft = 1,
    Submitted = 2,
    ChangesRequested = 3,
    Approved = 4,
}
