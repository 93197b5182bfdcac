using System.Net;
using System.Text.RegularExpressions;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The portal with a retention period of its own for every store, so each figure on a page can only come
/// from its setting: 1 day for the delegates' needs (the singular), 0 for the logs (kept until asked).</summary>
public sealed class PrivacyNoticePortal : PortalFactory
{
    public PrivacyNoticePortal()
    {
        Settings["Portal:Inquiries:RetentionDays"] = "41";
        Settings["Portal:VisitRequests:RetentionDays"] = "43";
        Settings["Portal:Delegations:ContactRetentionDays"] = "47";
        Settings["Portal:Delegations:NeedsRetentionDays"] = "1";
        Settings["Portal:Mail:SentRetentionDays"] = "53";
        Settings["Portal:Logging:RetentionDays"] = "0";
        Start();
    }
}

/// <summary>The privacy notice names every store, its purpose and its period, and each public form states what it keeps
/// and for how long, in the reader's language, from the same settings the retention runs obey.</summary>
public sealed partial class PrivacyNoticeTests(PrivacyNoticePortal portal) : IClassFixture<PrivacyNoticePortal>
{
    public static TheoryData<string, string, string, string, string> Periods =>
        new()
        {
            { "en", "erased 41 days after", "Erased 47 days after the visit.", "Deleted 1 day after", "No time limit" },
            {
                "es",
                "se borran 41 días después",
                "Se borran 47 días después de la visita.",
                "Se eliminan 1 día",
                "No hay plazo"
            },
            {
                "ko",
                "41일이 지나면",
                "방문 후 47일이 지나면 삭제합니다.",
                "방문 후 1일이 지나면",
                "보관 기한이 정해져 있지 않습니다"
            },
        };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task The_notice_gives_every_store_its_period_from_the_settings(
        string language,
        string inquiries,
        string contacts,
        string needs,
        string logs
    )
    {
        var page = WebUtility.HtmlDecode(await PortalClient.For(portal, language).GetPageAsync("/Privacy"));

        var periods = HowLong().Matches(page).ToDictionary(m => m.Groups["store"].Value, m => m.Groups["text"].Value);
        Assert.Equal(
            Enum.GetNames<PersonalDataStore>().Select(n => n.ToLowerInvariant()).Order(),
            periods.Keys.Order()
        );
        Assert.Contains(inquiries, periods["inquiries"], StringComparison.Ordinal);
        Assert.Contains("41", periods["applications"], StringComparison.Ordinal);
        Assert.Contains("43", periods["visitrequests"], StringComparison.Ordinal);
        Assert.Contains(contacts, periods["delegationcontacts"], StringComparison.Ordinal);
        Assert.Contains(needs, periods["delegateneeds"], StringComparison.Ordinal);
        Assert.Contains("53", periods["sentmail"], StringComparison.Ordinal);
        Assert.Contains(logs, periods["logs"], StringComparison.Ordinal);
        Assert.DoesNotContain("{0}", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Your data on this form", "erased 41 days after it is declined or withdrawn")]
    [InlineData("es", "Sus datos en este formulario", "se borran 41 días después de que se rechace o se retire")]
    [InlineData("ko", "이 양식의 개인정보", "거절되거나 철회된 후 41일이 지나면")]
    public async Task The_membership_form_says_what_it_keeps_and_for_how_long(
        string language,
        string title,
        string period
    )
    {
        var page = WebUtility.HtmlDecode(await PortalClient.For(portal, language).GetPageAsync("/Membership/Join"));

        var note = Note(page);
        Assert.Contains(title, note, StringComparison.Ordinal);
        Assert.Contains(period, note, StringComparison.Ordinal);
        Assert.Contains("href=\"/Privacy\"", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "erased 43 days after the request is accepted or declined", "Erased 47 days after the visit.")]
    [InlineData("es", "se borran 43 días después de que la solicitud", "Se borran 47 días después de la visita.")]
    [InlineData("ko", "거절된 후 43일이 지나면", "방문 후 47일이 지나면 삭제합니다.")]
    public async Task The_visit_request_form_says_what_it_keeps_and_for_how_long(
        string language,
        string request,
        string contact
    )
    {
        var page = WebUtility.HtmlDecode(await PortalClient.For(portal, language).GetPageAsync("/VisitRequests/Ask"));

        var note = Note(page);
        Assert.Contains(request, note, StringComparison.Ordinal);
        Assert.Contains(contact, note, StringComparison.Ordinal);
    }

    private static string Note(string page)
    {
        var match = FormNote().Match(page);
        Assert.True(match.Success, "The form has no privacy note");
        return match.Value;
    }

    [GeneratedRegex(
        "id=\"store-(?<store>[a-z]+)\".*?class=\"col-sm-9 how-long\">(?<text>[^<]*)<",
        RegexOptions.Singleline
    )]
    private static partial Regex HowLong();

    [GeneratedRegex("<aside class=\"[^\"]*form-privacy-note.*?</aside>", RegexOptions.Singleline)]
    private static partial Regex FormNote();
}
