using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.News;

/// <summary>Writes a release's first draft from a visit's facts, in one language, from the sentences in
/// Resources/Releases*.resx. The facts are entered in English: the organisation's name in the release's language,
/// the country's from CLDR, titles, roles, topics and common agenda items from the <see cref="Vocabulary"/> are
/// translated; whatever else came from the record stays as entered and is listed in
/// <see cref="Draft.Untranslated"/>, for the writer to translate before publishing.</summary>
public static class ReleaseText
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "ko"];

    /// <summary>The language the record's facts are entered in.</summary>
    public const string FactsLanguage = "en";

    public sealed record Facts
    {
        public required string Organization { get; init; }

        /// <summary>The organisation's name in each release language, where given.</summary>
        public required OrganizationNames Names { get; init; }

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

    public sealed record OrganizationNames(string? En, string? Es, string? Ko);

    public sealed record Host(string Name, string? Title);

    public sealed record AgendaLine(string Title, string? Speaker, string? Notes);

    /// <summary>A draft, and the texts from the record it kept as entered (in <see cref="FactsLanguage"/>) because
    /// nothing translates them.</summary>
    public sealed record Draft(string Headline, string Dateline, string Body, IReadOnlyList<string> Untranslated);

    /// <summary>The facts of the visit a report is of, with the report's participants and outcomes.</summary>
    public static async Task<Facts> FactsOfAsync(
        PortalDbContext db,
        int visitId,
        string? participants,
        string? outcomes,
        CancellationToken cancellationToken
    ) =>
        await db
            .Visits.AsNoTracking()
            .Where(v => v.Id == visitId)
            .Select(v => new Facts
            {
                Organization = v.Organization.Name,
                Names = new OrganizationNames(v.Organization.NameEn, v.Organization.NameEs, v.Organization.NameKo),
                CountryCode = v.Organization.CountryCode,
                Venue = v.Venue,
                TimeZoneId = v.TimeZoneId,
                StartsAtUtc = v.StartsAtUtc,
                Purpose = v.Purpose,
                HeadOfDelegation = v.Delegation.HeadOfDelegation,
                HeadOfDelegationTitle = v.Delegation.HeadOfDelegationTitle,
                Headcount = Delegation.HeadcountOf(v.Delegation.Members.Count, v.Delegation.ExpectedHeadcount),
                Hosts = v.Hosts.OrderBy(h => h.Order).Select(h => new Host(h.Name, h.Title)).ToList(),
                Agenda = v
                    .Agenda.OrderBy(a => a.Order)
                    .Select(a => new AgendaLine(a.Title, a.Speaker, a.Notes))
                    .ToList(),
                Topics = v.Topics.OrderBy(t => t.Id).Select(t => t.Title).ToList(),
                Participants = participants,
                Outcomes = outcomes,
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new DomainException("Visit.NotFound");

    public static Draft Write(Facts facts, string language, NewsSettings settings)
    {
        var footer = settings.For(language);
        var culture = CultureInfo.GetCultureInfo(language);
        var words = new Words(facts, culture);
        string Text(string key, params object?[] args) =>
            string.Format(
                culture,
                Vocabulary.Texts.GetString(key, culture)
                    ?? throw new InvalidOperationException($"No release text '{key}'."),
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
                .Hosts.Select(h => h.Title is { Length: > 0 } title ? Text("Host", words.Title(title), h.Name) : h.Name)
                .ToList(),
            Text
        );
        var delegates = Text(Plural.Key("Delegates", facts.Headcount, culture), facts.Headcount);
        var organization = words.Organization;
        body.Append(Text("Lead", hosts, delegates, organization, Countries.NameIn(facts.CountryCode, language)));
        if (facts.HeadOfDelegation is { Length: > 0 } head)
        {
            body.Append(' ')
                .Append(
                    facts.HeadOfDelegationTitle is { Length: > 0 } headTitle
                        ? Text("Head", head, words.Title(headTitle))
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
                Paragraph(body, words.ParticipantList(participants));
            }
            else
            {
                Paragraph(body, Text("Participants", words.AsEntered(participants)));
            }
        }
        Paragraph(body, Text("Purpose", words.AsEntered(facts.Purpose.Trim())));

        if (facts.Agenda.Count > 0)
        {
            Paragraph(body, Text("Agenda.Intro"));
            body.Append('\n');
            var number = 1;
            foreach (var item in facts.Agenda)
            {
                var title = words.AgendaItem(item.Title);
                var line =
                    item.Speaker is not { Length: > 0 } speaker ? title
                    : Vocabulary.LeadingTitle(speaker) is (var speakerTitle, var name)
                        ? Text("Agenda.ItemByTitled", title, words.Title(speakerTitle), name)
                    : Text("Agenda.ItemBy", title, speaker);
                body.Append(CultureInfo.InvariantCulture, $"\n{number++}. {OneLine(line)}");
                if (item.Notes is { Length: > 0 } notes)
                {
                    // A hard line break: without it Markdown runs the note on after the speaker's name.
                    body.Append("\\\n   ").Append(OneLine(words.AsEntered(notes)));
                }
            }
        }

        if (facts.Topics.Count > 0)
        {
            Paragraph(body, Text("Topics.Intro"));
            body.Append('\n');
            foreach (var topic in facts.Topics)
            {
                body.Append("\n- ").Append(OneLine(words.Topic(topic)));
            }
        }

        Paragraph(body, Text("Thanks", organization));
        Paragraph(body, facts.Outcomes is null ? null : words.AsEntered(facts.Outcomes));

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

        return new Draft(Text("Headline", organization), dateline, body.Append('\n').ToString(), words.Untranslated);
    }

    /// <summary>The record's words as a release in one language prints them, and the ones it had to leave as
    /// entered.</summary>
    private sealed class Words(Facts facts, CultureInfo culture)
    {
        private readonly bool translating = culture.TwoLetterISOLanguageName != FactsLanguage;
        private readonly List<string> untranslated = [];

        public IReadOnlyList<string> Untranslated => untranslated;

        public string Organization =>
            Domain.Organizations.Organization.NamesIn(
                culture.TwoLetterISOLanguageName,
                facts.Names.En,
                facts.Names.Es,
                facts.Names.Ko
            )
                is { Length: > 0 } name
                ? name
                : AsEntered(facts.Organization);

        /// <summary>A title or role ("Councillor, Seremban City Council"): each part a vocabulary title or the
        /// organisation's name.</summary>
        public string Title(string title) =>
            string.Join(
                ", ",
                title
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(part =>
                        Vocabulary.Translate(Vocabulary.Titles, part, culture)
                        ?? (
                            string.Equals(part, facts.Organization, StringComparison.OrdinalIgnoreCase)
                                ? Organization
                                : AsEntered(part)
                        )
                    )
            );

        public string Topic(string topic) =>
            Vocabulary.Translate(Vocabulary.Topics, topic, culture) ?? AsEntered(topic);

        public string AgendaItem(string title) =>
            Vocabulary.Translate(Vocabulary.AgendaItems, title, culture) ?? AsEntered(title);

        /// <summary>The report's participants as listed from the visit: "**City**" headings and "- Name, Title"
        /// lines, their headings and titles translated; any other line is kept as entered.</summary>
        public string ParticipantList(string participants) =>
            string.Join(
                '\n',
                participants
                    .Split('\n')
                    .Select(line => line.TrimEnd('\r'))
                    .Select(line =>
                        line.Trim() switch
                        {
                            "" or "**WeGO**" => line,
                            var heading when heading == $"**{facts.Organization}**" => $"**{Organization}**",
                            var person when person.StartsWith("- ", StringComparison.Ordinal) => Person(person[2..]),
                            _ => AsEntered(line),
                        }
                    )
            );

        private string Person(string line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return comma < 0 ? "- " + line : $"- {line[..comma]}, {Title(line[(comma + 1)..])}";
        }

        /// <summary>Text from the record that nothing translates: listed when the release is in another
        /// language.</summary>
        public string AsEntered(string text)
        {
            var trimmed = text.Trim();
            if (translating && trimmed.Any(char.IsLetter) && !untranslated.Contains(trimmed))
            {
                untranslated.Add(trimmed);
            }

            return text;
        }
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
        return Vocabulary.Texts.GetString("Place." + Vocabulary.KeyOf(place), culture) ?? place;
    }
}
