using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Where a number meets a noun, every language says it right ("1 delegate", "1 delegado", "대표단 1명"),
/// and one thing has one name on every page.</summary>
public sealed partial class CountWordingTests
{
    private static readonly (string Set, ResourceManager Texts)[] Sets =
    [
        (
            "src/WeGO.Portal.Web/Resources/UiText",
            new ResourceManager("WeGO.Portal.Web.Resources.UiText", typeof(UiText).Assembly)
        ),
        (
            "src/WeGO.Portal.Application/Resources/Messages",
            new ResourceManager("WeGO.Portal.Application.Resources.Messages", typeof(Application.Messages).Assembly)
        ),
        (
            "src/WeGO.Portal.Application/Resources/Emails",
            new ResourceManager("WeGO.Portal.Application.Resources.Emails", typeof(Application.Messages).Assembly)
        ),
        (
            "src/WeGO.Portal.Application/Resources/Releases",
            new ResourceManager("WeGO.Portal.Application.Resources.Releases", typeof(Application.Messages).Assembly)
        ),
    ];

    private static readonly string[] LanguageFiles = ["", ".es", ".ko"];

    private static readonly string[] Languages = ["en", "es", "ko"];

    // Counts that are fixed numbers above one (a limit, a period), so they are never said in the singular.
    private static readonly HashSet<string> FixedCounts =
    [
        "Dashboard.UpcomingVisits",
        "FollowUps.MyIntro",
        "Identity.PasswordTooShort",
        "Roster.ImportLimits",
        "Dashboard.PeriodTooLong",
        "Domain.TooLong",
        "FollowUp.DueTooFarAhead",
        "Roster.TooManyRows",
        "Application.TooManyDocuments",
    ];

    private static Dictionary<string, string> English(string set) => Texts(set);

    private static Dictionary<string, string> Texts(string file) =>
        XDocument
            .Load(RepositoryFiles.PathOf((file + ".resx").Split('/')))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    public static TheoryData<string, string> CountTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (set, _) in Sets)
        {
            var texts = English(set);
            foreach (var key in texts.Keys.Where(k => texts.ContainsKey(k + Plural.OneSuffix)))
            {
                data.Add(set, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CountTexts))]
    public void A_count_reads_right_for_0_1_2_and_5_in_every_language(string set, string key)
    {
        var texts = Sets.Single(s => s.Set == set).Texts;
        var singularDiffers = false;
        foreach (var language in Languages)
        {
            var culture = CultureInfo.GetCultureInfo(language);
            string Say(long count) =>
                string.Format(
                    culture,
                    texts.GetString(Plural.Key(key, count, culture), culture)!,
                    count.ToString("N0", culture),
                    "7"
                );

            // A second placeholder, where a text has one ("{0} of {1} arrived"), is another number.
            string General(long count) =>
                string.Format(culture, texts.GetString(key, culture)!, count.ToString("N0", culture), "7");

            foreach (var count in new long[] { 0, 1, 2, 5 })
            {
                // A release may spell out "one delegate"; every other count shows its number.
                Assert.True(
                    count == 1 || Say(count).Contains(count.ToString(culture), StringComparison.Ordinal),
                    $"{key} for {count} in {language}: {Say(count)}"
                );
                Assert.DoesNotContain("{", Say(count), StringComparison.Ordinal);
            }

            if (language == "ko")
            {
                // No plural noise: one and many are said alike, in Korean, and never with an English plural.
                foreach (var count in new long[] { 0, 1, 2, 5 })
                {
                    Assert.Equal(General(count), Say(count));
                    Assert.Matches(@"\p{IsHangulSyllables}", Say(count));
                    Assert.DoesNotMatch(@"\(s\)|\b\d+ [A-Za-z]+s\b", Say(count));
                }
            }
            else
            {
                // The singular for exactly one, and only for one.
                singularDiffers |= General(1) != Say(1);
                Assert.Equal(General(0), Say(0));
                Assert.Equal(General(2), Say(2));
                Assert.Equal(General(5), Say(5));
            }
        }

        // A singular form says something the general one does not, in English or in Spanish ("1 anunciado").
        Assert.True(singularDiffers, $"{key}{Plural.OneSuffix} is the general text in every language");
    }

    [Fact]
    public void Every_text_where_a_number_meets_a_plural_noun_has_a_singular_form()
    {
        var unpaired = Sets.SelectMany(s =>
                English(s.Set).Where(t => CountBeforeNoun().IsMatch(t.Value)).Select(t => (s.Set, t.Key))
            )
            .Where(t => !English(t.Set).ContainsKey(t.Key + Plural.OneSuffix) && !FixedCounts.Contains(t.Key))
            .Select(t => t.Key)
            .ToList();
        var unpairedInSpanish = Sets.SelectMany(s =>
                Texts(s.Set + ".es")
                    .Where(t => CountBeforeSpanishNoun().IsMatch(t.Value))
                    .Where(t => !English(s.Set).ContainsKey(t.Key + Plural.OneSuffix))
                    .Select(t => t.Key)
            )
            .Where(key => !key.EndsWith(Plural.OneSuffix, StringComparison.Ordinal) && !FixedCounts.Contains(key))
            .ToList();

        Assert.Empty(unpaired);
        Assert.Empty(unpairedInSpanish);
    }

    [Fact]
    public void No_text_hedges_a_plural_in_any_language()
    {
        var hedged = Sets.SelectMany(s =>
                LanguageFiles.SelectMany(suffix =>
                    XDocument
                        .Load(RepositoryFiles.PathOf((s.Set + suffix + ".resx").Split('/')))
                        .Root!.Elements("data")
                        .Where(d => HedgedPlural().IsMatch((string?)d.Element("value") ?? ""))
                        .Select(d => $"{s.Set}{suffix}: {(string)d.Attribute("name")!}")
                )
            )
            .ToList();

        Assert.Empty(hedged);
    }

    [Theory]
    [InlineData("en", "1 delegate was imported. It replaces the previous roster.")]
    [InlineData("es", "Se importó 1 delegado, que sustituye a la lista anterior.")]
    [InlineData("ko", "대표단원 1명을 가져왔습니다. 이전 명단을 대체합니다.")]
    public void One_imported_delegate_is_one_delegate(string language, string expected)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var texts = Sets[0].Texts;

        Assert.Equal(
            expected,
            string.Format(culture, texts.GetString(Plural.Key("Roster.Imported", 1, culture), culture)!, 1)
        );
    }

    [Theory]
    [InlineData("es", "Solicitud enviada", "Formulario enviado")]
    [InlineData("ko", "신청서 발송", "신청서 발송됨")]
    [InlineData("en", "Application sent", "Form sent")]
    public async Task A_stage_has_the_same_name_on_the_dashboard_the_pipeline_and_the_status_page(
        string language,
        string name,
        string other
    )
    {
        await using var portal = new PortalFactory().Start();
        var client = await PortalClient.NewStaffSignedInAsync(portal, Roles.Administrator, language);

        var dashboard = WebUtility.HtmlDecode(await client.GetPageAsync("/Dashboard"));
        var pipeline = WebUtility.HtmlDecode(await client.GetPageAsync("/Membership/Inquiries"));

        Assert.Contains(name, dashboard, StringComparison.Ordinal);
        Assert.Contains(name, pipeline, StringComparison.Ordinal);
        Assert.DoesNotContain(other, dashboard, StringComparison.Ordinal);
        var culture = CultureInfo.GetCultureInfo(language);
        Assert.Equal(name, Sets[0].Texts.GetString("InquiryStatus.Stage.ApplicationSent", culture));
        Assert.Equal(name, Sets[1].Texts.GetString("InquiryStage.ApplicationSent", culture));
    }

    // "visit(s)", "visita(s)", "delegado(a)s": a plural the text would not choose.
    [GeneratedRegex(@"\p{L}\((s|es|as|os)\)")]
    private static partial Regex HedgedPlural();

    // "{0} anunciados", "{0} visitas": a placeholder, then a Spanish plural ("{0} después" is a period's text).
    [GeneratedRegex(@"\{\d\} (?!de\b|es\b|más\b|ha\b|han\b|después\b)\p{Ll}+s\b")]
    private static partial Regex CountBeforeSpanishNoun();

    // "{0} visits", "{1} delegates": a placeholder, then an English plural.
    [GeneratedRegex(@"\{\d\} (?!was\b|is\b|has\b|does\b|as\b|joins\b)[a-z]+s\b")]
    private static partial Regex CountBeforeNoun();
}
