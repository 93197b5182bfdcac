namespace WeGO.Portal.Application.Visits;

/// <summary>How long the delegation's own things last (<c>Portal:Delegations</c>).</summary>
public sealed class DelegationSettings
{
    public const string Section = "Portal:Delegations";

    /// <summary>Days after a visit ends before its delegates' dietary and accessibility needs are deleted (the
    /// roster stays); 0 keeps them for ever.</summary>
    public int NeedsRetentionDays { get; set; } = 30;

    /// <summary>Days after a visit ends that the delegation page's link still opens.</summary>
    public int LinkDaysAfterVisit { get; set; } = 30;
}
