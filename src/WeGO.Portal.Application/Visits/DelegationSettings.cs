namespace WeGO.Portal.Application.Visits;

/// <summary>How long the delegation's own things last (<c>Portal:Delegations</c>).</summary>
public sealed class DelegationSettings
{
    public const string Section = "Portal:Delegations";

    /// <summary>Days after a visit ends before its delegates' dietary and accessibility needs are deleted (the
    /// roster stays); 0 keeps them for ever.</summary>
    public int NeedsRetentionDays { get; set; } = 30;

    /// <summary>Days after a visit ends before the delegation's contact (name, address, page link) and the delegates'
    /// email addresses are erased (names, titles and the order stay as the visit's record); 0 keeps them for ever.
    /// </summary>
    public int ContactRetentionDays { get; set; } = 365;

    /// <summary>Days after a visit ends that the delegation page's link still opens.</summary>
    public int LinkDaysAfterVisit { get; set; } = 30;
}
