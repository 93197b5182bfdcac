using System.Globalization;
using System.Resources;
using System.Text;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.News;

/// <summary>Writes a release's first draft from a visit's facts, in one language, from the sentences in
/// Resources/Releases*.resx. Staff then edit it; the facts keep the language they were entered in.</summary>
public static class ReleaseText
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "ko"];

    private static readonly ResourceManager Texts = new(
        "WeGO.Portal.Application.Resources.Releases",
        typeof(ReleaseText).Assembly
    )
    {
        IgnoreCase = true,
    };

    public sealed record Facts
    {
        public required string Organization { get; init; }

        public required string CountryCode { get; init; }

        public required string Venue { get; init; }

        public required string TimeZoneId { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required string Purpose { get; init; }

        public required string? HeadOfDelegation { get; init; }

        public required string? HeadOfDelegationTitle { get; init; }

        public required int Headcount { get; init; }

        public required IReadOnlyList<Host> Hosts { get; init; }

        public required IReadOnlyList<AgendaLine> Agenda { get; init; }

        public required IReadOnlyList<string> Topics { get; init; }

        public required string? Participants { get; init; }

        public required string? Outcomes { get; init; }
    }

    public sealed record Host(string Name, string? Title);

    public sealed record AgendaLine(string Title, string? Speaker, string? Notes);

    public sealed record Draft(string Headline, string Dateline, string Body);

    public static Draft Write(Facts facts, string language, NewsSettings settings)
    {
        var footer = settings.For(language);
        var culture = CultureInfo.GetCultureInfo(language);
        string Text(string key, params object?[] args) =>
            string.Format(
                culture,
                Texts.GetString(key, culture) ?? throw new InvalidOperationException($"No release text '{key}'."),
                args
            );

        var dateline = Text(
            "Dateline",
            Place(facts.Venue, culture),
            VenueTime.ToLocal(facts.StartsAtUtc, facts.TimeZoneId).ToString(Text("Dateline.DateFormat"), culture)
        );
        var body = new StringBuilder();

        var hosts = Join(
            facts
                .Hosts.Select(h =>
                    h.Title is { Length: > 0 } title ? Text("Host", TitleIn(title, culture), h.Name) : h.Name
                )
                .ToList(),
            Text
        );
        var delegates = Text(Plural.Key("Delegates", facts.Headcount, culture), facts.Headcount);
        body.Append(Text("Lead", hosts, delegates, facts.Organization, Countries.EnglishName(facts.CountryCode)));
        if (facts.HeadOfDelegation is { Length: > 0 } head)
        {
            body.Append(' ')
                .Append(
                    facts.HeadOfDelegationTitle is { Length: > 0 } headTitle
                        ? Text("Head", head, headTitle)
                        : Text("Head.NoTitle", head)
                );
        }

        if (!string.IsNullOrWhiteSpace(facts.Participants))
        {
            // The report's participants are usually Markdown lists under bold headings: the label then stands alone.
            var participants = facts.Participants.Trim();
            if (participants.Contains('\n', StringComparison.Ordinal))
            {
                Paragraph(body, Text("Participants", "").TrimEnd());
                Paragraph(body, participants);
            }
            else
            {
                Paragraph(body, Text("Participants", participants));
            }
        }
        Paragraph(body, Text("Purpose", facts.Purpose.Trim()));

        if (facts.Agenda.Count > 0)
        {
            Paragraph(body, Text("Agenda.Intro"));
            body.Append('\n');
            var number = 1;
            foreach (var item in facts.Agenda)
            {
                var line = item.Speaker is { Length: > 0 } speaker
                    ? Text("Agenda.ItemBy", item.Title, speaker)
                    : item.Title;
                body.Append(CultureInfo.InvariantCulture, $"\n{number++}. {OneLine(line)}");
                if (item.Notes is { Length: > 0 } notes)
                {
                    // A hard line break: without it Markdown runs the note on after the speaker's name.
                    body.Append("\\\n   ").Append(OneLine(notes));
                }
            }
        }

        if (facts.Topics.Count > 0)
        {
            Paragraph(body, Text("Topics.Intro"));
            body.Append('\n');
            foreach (var topic in facts.Topics)
            {
                body.Append("\n- ").Append(OneLine(topic));
            }
        }

        Paragraph(body, Text("Thanks", facts.Organization));
        Paragraph(body, facts.Outcomes);

        Paragraph(body, "### " + Text("About.Heading"));
        Paragraph(body, footer.About);
        Paragraph(body, "### " + Text("Contact.Heading"));
        var lines = new List<string>
        {
            Text("Contact.Name", footer.PressContactName),
            Text("Contact.Email", footer.PressContactEmail),
        };
        if (!string.IsNullOrWhiteSpace(footer.PressContactPhone))
        {
            lines.Add(Text("Contact.Phone", footer.PressContactPhone));
        }

        // A backslash at the end of a Markdown line is a line break: the contact reads as an address block.
        Paragraph(body, string.Join("\\\n", lines));

        return new Draft(Text("Headline", facts.Organization), dateline, body.Append('\n').ToString());
    }

    private static void Paragraph(StringBuilder body, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Append("\n\n").Append(text.Trim());
        }
    }

    private static string OneLine(string text) =>
        string.Join(
            ' ',
            text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        );

    /// <summary>"A, B and C" in the release's language.</summary>
    private static string Join(List<string> items, Func<string, object?[], string> text) =>
        items.Count switch
        {
            0 => "",
            1 => items[0],
            _ => text("List.And", [string.Join(", ", items.Take(items.Count - 1)), items[^1]]),
        };

    /// <summary>The city of the dateline: the last part of the venue ("WeGO Secretariat, Seoul"), in the
    /// language's spelling where the release texts know it.</summary>
    private static string Place(string venue, CultureInfo culture)
    {
        var place = venue
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault()
            ?? venue;
        return Texts.GetString("Place." + KeyOf(place), culture) ?? place;
    }

    /// <summary>A host's title in the release's language when it is one the release texts know ("Secretary
    /// General").</summary>
    private static string TitleIn(string title, CultureInfo culture) =>
        Texts.GetString("Title." + KeyOf(title), culture) ?? title;

    private static string KeyOf(string words) => string.Concat(words.Where(char.IsLetterOrDigit));
}
