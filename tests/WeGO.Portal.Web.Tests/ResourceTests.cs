using System.Text.RegularExpressions;
using System.Xml.Linq;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Every word the portal shows exists in English, Spanish and Korean, with the same placeholders.</summary>
public sealed partial class ResourceTests
{
    private static readonly string[] RuleProjects = ["WeGO.Portal.Domain", "WeGO.Portal.Application"];

    public static TheoryData<string> ResourceSets() =>
        new()
        {
            "src/WeGO.Portal.Web/Resources/UiText",
            "src/WeGO.Portal.Application/Resources/Messages",
            "src/WeGO.Portal.Application/Resources/Emails",
            "src/WeGO.Portal.Application/Resources/Releases",
        };

    private static Dictionary<string, string> Read(string path) =>
        XDocument
            .Load(RepositoryFiles.PathOf(path.Split('/')))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Every_key_exists_in_every_language_with_the_same_placeholders(string set)
    {
        var english = Read(set + ".resx");
        foreach (var language in new[] { "es", "ko" })
        {
            var translated = Read($"{set}.{language}.resx");
            // Korean has no singular form: its counts are all the general one (Plural).
            var expected = english.Keys.Where(key => language != "ko" || !IsSingularForm(key, english)).Order();
            Assert.Equal(expected, translated.Keys.Order());
            foreach (var key in expected)
            {
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{key} is empty in {language}");
                Assert.Equal(Placeholders(english[key]), Placeholders(translated[key]));
            }
        }
    }

    private static bool IsSingularForm(string key, Dictionary<string, string> texts) =>
        key.EndsWith(Application.Common.Plural.OneSuffix, StringComparison.Ordinal)
        && texts.ContainsKey(key[..^Application.Common.Plural.OneSuffix.Length]);

    [Fact]
    public void Every_text_a_page_asks_for_is_in_the_resources()
    {
        var keys = Read("src/WeGO.Portal.Web/Resources/UiText.resx").Keys.ToHashSet();
        var web = RepositoryFiles.PathOf("src", "WeGO.Portal.Web");
        var used = Directory
            .EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f =>
                (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.Contains("/bin/", StringComparison.Ordinal)
            )
            .SelectMany(f =>
                TextKey()
                    .Matches(File.ReadAllText(f))
                    .Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value))
            )
            .ToList();

        var missing = used.Where(u => !keys.Contains(u.Key)).ToList();
        Assert.NotEmpty(used);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_business_rule_message_is_in_the_resources()
    {
        var keys = Read("src/WeGO.Portal.Application/Resources/Messages.resx").Keys.ToHashSet();
        var sources = RuleProjects
            .SelectMany(p =>
                Directory.EnumerateFiles(RepositoryFiles.PathOf("src", p), "*.cs", SearchOption.AllDirectories)
            )
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal));
        var codes = sources
            .SelectMany(f => RuleCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .Distinct()
            .ToList();

        var missing = codes.Where(c => !keys.Contains(c)).ToList();
        Assert.NotEmpty(codes);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_enum_value_shown_on_pages_has_a_label()
    {
        var keys = Read("src/WeGO.Portal.Web/Resources/UiText.resx").Keys.ToHashSet();
        var shown = new[]
        {
            typeof(Domain.Visits.VisitStatus),
            typeof(Domain.Organizations.Region),
            typeof(Domain.FollowUps.FollowUpStatus),
            typeof(Domain.Reports.ReviewState),
            typeof(Domain.Visits.DelegationRole),
        };

        var missing = shown
            .SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}"))
            .Where(key => !keys.Contains(key));

        Assert.Empty(missing);
        Assert.All(Application.Staff.Roles.All, role => Assert.Contains($"Role.{role}.Description", keys));
    }

    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order().ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""(?:\bT|\btext)(?:\["|\.Count\(")(?<key>[A-Za-z0-9.]+)"[\],)]""")]
    private static partial Regex TextKey();

    [GeneratedRegex("""(?:DomainException|Require\.Text)\([^;]*?"(?<code>[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+)""")]
    private static partial Regex RuleCode();
}
