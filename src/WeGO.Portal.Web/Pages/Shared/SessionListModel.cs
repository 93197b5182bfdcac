using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Pages;

/// <summary>What the session table (_SessionList) shows: the open sessions, the one this request came with (not offered
/// for ending on its own), and the words of the "end all" button.</summary>
public sealed record SessionListModel(
    IReadOnlyList<ListStaffSessions.Row> Sessions,
    string? CurrentSessionId,
    string EndAllLabel
);
