using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>The steps an applicant sees on the status page: a city goes from received to Associate to Full member;
/// any other organisation from received to accepted to confirmed by the Executive Committee. A declined or withdrawn
/// application ends after its first step.</summary>
public static class ApplicationPath
{
    public static IReadOnlyList<string> Steps(MembershipCategory category, ApplicationState state) =>
        state switch
        {
            ApplicationState.Declined or ApplicationState.Withdrawn => ["Received", state.ToString()],
            _ when category == MembershipCategory.Full => ["Received", "Associate", "Full"],
            _ => ["Received", "Accepted", "Confirmed"],
        };

    /// <summary>The index of the step the application stands at.</summary>
    public static int Reached(ApplicationState state) =>
        state switch
        {
            ApplicationState.Received or ApplicationState.Returned => 0,
            ApplicationState.Approved => 2,
            _ => 1,
        };
}
