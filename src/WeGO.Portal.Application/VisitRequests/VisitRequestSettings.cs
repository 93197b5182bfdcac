namespace WeGO.Portal.Application.VisitRequests;

/// <summary>How long visit requests keep the person's data (<c>Portal:VisitRequests</c>).</summary>
public sealed class VisitRequestSettings
{
    public const string Section = "Portal:VisitRequests";

    /// <summary>Days after a request was declined or accepted before its contact's data (name, position, address,
    /// telephone, answer) is erased; an accepted request's contact lives on as the delegation's contact, under
    /// <c>Portal:Delegations:ContactRetentionDays</c>. 0 keeps them for ever.</summary>
    public int RetentionDays { get; set; } = 730;
}
