namespace WeGO.Portal.Web.Pages.Shared;

/// <summary>A count in the navigation (my overdue follow-ups, new inquiries, reports awaiting review): the number,
/// with its words for the tooltip and for screen readers.</summary>
public sealed record CountBadge(string Id, int Count, string Text, string Look);
