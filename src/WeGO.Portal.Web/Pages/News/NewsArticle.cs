namespace WeGO.Portal.Web.Pages.News;

/// <summary>What the release partial shows: one language version as readers see it.</summary>
public sealed record NewsArticle(
    string Language,
    string Headline,
    string Dateline,
    string Body,
    DateTime? PublishedAtUtc
);
