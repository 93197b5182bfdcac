using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Reports;

/// <summary>A news release drafted from an approved visit report, one per language.</summary>
public sealed class NewsRelease : AggregateRoot
{
    private NewsRelease()
    {
    }

    public NewsRelease(int visitReportId, string language, string slug, string headline, string dateline, string body)
    {
        VisitReportId = visitReportId;
        Language = Require.Text(language, "Release.LanguageRequired", 10);
        Slug = Require.Text(slug, "Release.SlugRequired", 200);
        Edit(headline, dateline, body);
    }

    public int VisitReportId { get; private set; }

    public string Language { get; private set; } = "";

    /// <summary>The stable part of the public address, shared by a release's language versions.</summary>
    public string Slug { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public string Dateline { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Body { get; private set; } = "";

    public DateTime? PublishedAtUtc { get; private set; }

    public bool IsPublished => PublishedAtUtc is not null;

    public void Edit(string headline, string dateline, string body)
    {
        Headline = Require.Text(headline, "Release.HeadlineRequired", 300);
        Dateline = Require.Text(dateline, "Release.DatelineRequired", 200);
        Body = Require.Text(body, "Release.BodyRequired", 50000);
    }

    public void Publish(DateTime nowUtc)
    {
        if (IsPublished)
        {
            throw new DomainException("Release.AlreadyPublished");
        }

        PublishedAtUtc = nowUtc;
    }
}
