using System.Globalization;
using System.Text;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Domain.News;

/// <summary>A news release drafted from an approved visit report, one per language.</summary>
public sealed class NewsRelease : AggregateRoot
{
    public const int SlugMaxLength = 200;
    public const int HeadlineMaxLength = 300;
    public const int DatelineMaxLength = 200;
    public const int BodyMaxLength = 50000;

    private NewsRelease() { }

    public NewsRelease(int visitReportId, string language, string slug, string headline, string dateline, string body)
    {
        VisitReportId = visitReportId;
        Language = Require.Text(language, "Release.LanguageRequired", LanguageCode.MaxLength);
        Slug = Require.Text(slug, "Release.SlugRequired", SlugMaxLength);
        Edit(headline, dateline, body);
    }

    /// <summary>Drafts the release of an approved report: what has not been approved is not announced.</summary>
    public static NewsRelease DraftFrom(
        VisitReport report,
        string language,
        string slug,
        string headline,
        string dateline,
        string body
    )
    {
        if (!report.CanRelease)
        {
            throw new DomainException("Release.ReportNotApproved");
        }

        return new NewsRelease(report.Id, language, slug, headline, dateline, body);
    }

    /// <summary>The address part for a visit: its date, then the city's name in lower-case ASCII words,
    /// e.g. <c>2024-10-07-seremban-city-council</c>.</summary>
    public static string SlugFor(string organizationName, DateOnly date)
    {
        var words = new StringBuilder();
        foreach (var c in organizationName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                words.Append(lower);
            }
            else if (words.Length > 0 && words[^1] != '-')
            {
                words.Append('-');
            }
        }

        var name = words.ToString().Trim('-');
        if (name.Length > 80)
        {
            name = name[..80].TrimEnd('-');
        }

        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return name.Length == 0 ? $"{day}-visit" : $"{day}-{name}";
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

    /// <summary>Whether it can be published: once, while it is a draft.</summary>
    public bool CanPublish => CanPublishAt(PublishedAtUtc);

    /// <summary>The rule asked of what a query projects: a release not yet published can be.</summary>
    public static bool CanPublishAt(DateTime? publishedAtUtc) => publishedAtUtc is null;

    public void Edit(string headline, string dateline, string body)
    {
        Headline = Require.Text(headline, "Release.HeadlineRequired", HeadlineMaxLength);
        Dateline = Require.Text(dateline, "Release.DatelineRequired", DatelineMaxLength);
        Body = Require.Text(body, "Release.BodyRequired", BodyMaxLength);
    }

    public void Publish(DateTime nowUtc)
    {
        if (!CanPublish)
        {
            throw new DomainException("Release.AlreadyPublished");
        }

        PublishedAtUtc = nowUtc;
    }
}
