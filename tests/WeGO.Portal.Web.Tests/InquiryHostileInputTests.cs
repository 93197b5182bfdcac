using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Random and malicious values in every field of the public form: the portal answers with field errors
/// or stores the text and shows it encoded, and never fails.</summary>
public sealed partial class InquiryHostileInputTests(InquiryPortal portal) : IClassFixture<InquiryPortal>
{
    private const char LoneSurrogate = '\uD800';

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(1)",
        "'; DROP TABLE MembershipInquiries; --",
        "1' OR '1'='1",
        "Robert'); DELETE FROM Organizations;--",
        "\u202Eevil.exe",
        "Seremban\u200F\u202B City",
        "🏙️🇲🇾 Seremban 🚀",
        "nul\0byte",
        "line\r\nBcc: victim@example.org",
        "\t\v\f\u0007\u001B[31m",
        "%00%0d%0a",
        "{{7*7}} ${7*7} @(7*7)",
        "../../../etc/passwd",
        "ＳＥＲＥＭＢＡＮ",
        "Ｓeremban\u0301\u0301\u0301",
        "Majlis Bandaraya Seremban",
        "서울특별시",
        "Ciudad de México",
        " ",
        "",
        "Lone " + LoneSurrogate + " surrogate",
        LoneSurrogate.ToString(),
    ];

    private static readonly string[] Fields =
    [
        "Input.OrganizationName",
        "Input.CountryCode",
        "Input.Kind",
        "Input.Population",
        "Input.ContactName",
        "Input.ContactPosition",
        "Input.Email",
        "Input.Phone",
        "Input.PreferredLanguage",
        "Input.Interests",
        "Input.OtherInterest",
        "Input.HeardFrom",
        "Input.VisitId",
        "Input.Message",
        "Input.ConsentGiven",
    ];

    [Fact]
    public async Task Five_hundred_hostile_submissions_get_field_errors_or_are_stored_and_shown_encoded_never_a_500()
    {
        var random = new Random(20241007);
        var client = PortalClient.For(portal);
        var token = PortalClient.AntiforgeryToken(await client.GetPageAsync("/Membership/Join"))!;
        var outcomes = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < 500; i++)
        {
            var form = new List<KeyValuePair<string, string>>(
                JoinPageTests.Seremban(random.Next(3) == 0 ? "Seremban City Council" : $"City {i}")
            );
            var spoiled = Fields.Where(_ => random.Next(4) == 0).ToList();
            foreach (var field in spoiled)
            {
                form.RemoveAll(f => f.Key == field);
                form.Add(new(field, HostileValue(random, field)));
            }

            using var content = new StringContent(
                Encode(form.Append(new("__RequestVerificationToken", token))),
                Encoding.ASCII,
                "application/x-www-form-urlencoded"
            );
            using var response = await client.Http.PostAsync(new Uri("/Membership/Join", UriKind.Relative), content);
            var html = await response.Content.ReadAsStringAsync();
            outcomes[response.StatusCode] = outcomes.GetValueOrDefault(response.StatusCode) + 1;

            // ASP.NET Core refuses a form holding a NUL character before any page sees it: the friendly 400 page.
            var refusedByFramework =
                response.StatusCode == HttpStatusCode.BadRequest
                && form.Any(f => f.Value.Contains('\0', StringComparison.Ordinal));
            Assert.True(
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect || refusedByFramework,
                $"Submission {i} ({string.Join(", ", spoiled)}) answered {(int)response.StatusCode}"
            );
            AssertEncoded(html, i);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                var sent = response.Headers.Location!.OriginalString;
                AssertEncoded(await client.GetPageAsync(sent), i);
                AssertEncoded(
                    await client.GetPageAsync(
                        sent.Replace("/Membership/Sent/", "/Membership/Status/", StringComparison.Ordinal)
                    ),
                    i
                );
            }
        }

        // The mix exercised both paths: some were stored, some refused.
        Assert.True(outcomes.GetValueOrDefault(HttpStatusCode.Redirect) > 20, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(HttpStatusCode.OK) > 20, string.Join(", ", outcomes));
    }

    private static string HostileValue(Random random, string field) =>
        random.Next(6) switch
        {
            0 => new string((char)random.Next(0x20, 0x7F), 100_000),
            1 => RandomText(random, random.Next(1, 300)),
            2 => field switch
            {
                "Input.Kind" => random.Next(2) == 0 ? "999" : "LocalGovernment,Other",
                "Input.Population" => random.Next(2) == 0 ? "99999999999999999999" : "-1",
                "Input.Interests" => "7",
                "Input.VisitId" => "-2147483648",
                "Input.ConsentGiven" => "yes",
                _ => Hostile[random.Next(Hostile.Length)],
            },
            _ => Hostile[random.Next(Hostile.Length)],
        };

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(5) == 0 ? (char)random.Next(0, 0x20) : (char)random.Next(0x20, 0xD7FF));
        }

        return builder.ToString();
    }

    /// <summary>Form encoding as a browser would send it, except that a lone surrogate goes out as the bytes a
    /// careless client would produce (CESU-8), which are not valid UTF-8.</summary>
    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));

    private static string Escape(string value)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (
                char.IsSurrogate(value[i])
                && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            )
            {
                builder.Append("%ED%A0%80");
                continue;
            }

            var length = char.IsHighSurrogate(value[i]) ? 2 : 1;
            builder.Append(Uri.EscapeDataString(value.AsSpan(i, length)));
            i += length - 1;
        }

        return builder.ToString();
    }

    private static void AssertEncoded(string html, int submission)
    {
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);

        // Encoded text may read "onerror=" harmlessly; an event handler outside the quotes of a real tag may not.
        foreach (Match tag in Tag().Matches(html))
        {
            var outsideQuotes = QuotedValue().Replace(tag.Value, "\"\"");
            Assert.False(
                EventHandler().IsMatch(outsideQuotes),
                $"Submission {submission}: an event handler in {tag.Value}"
            );
        }

        Assert.False(JavascriptLink().IsMatch(html), $"Submission {submission}: a javascript: link");
        // Only the layout's own script files.
        Assert.All(ScriptTag().Matches(html), tag => Assert.Matches("""^<script src="/(lib|js)/""", tag.Value));
    }

    [GeneratedRegex("""(href|src|action)\s*=\s*["']?\s*javascript:""", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptLink();

    [GeneratedRegex("<[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
