using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The member registry staff keep and the directory the public reads: the same members, the directory with
/// its public fields only and without those that left.</summary>
public sealed partial class MemberRegistryPagesTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public MemberRegistryPagesTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    /// <summary>A city accepted as an Associate member, with its name and its member id.</summary>
    private async Task<(string Name, int MemberId)> AssociateAsync()
    {
        var id = await portal.AcceptedApplicationAsync("en");
        return await portal.WithDbAsync(async db =>
        {
            var organizationId = await db
                .MembershipApplications.Where(a => a.Id == id)
                .Select(a => a.OrganizationId)
                .SingleAsync();
            var name = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync();
            var memberId = await db
                .Members.Where(m => m.OrganizationId == organizationId)
                .Select(m => m.Id)
                .SingleAsync();
            return (name, memberId);
        });
    }

    private async Task<PortalClient> StaffAsync()
    {
        var client = PortalClient.For(portal, "en");
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return client;
    }

    [Fact]
    public async Task The_public_directory_lists_a_member_in_every_language_without_a_single_private_field()
    {
        var (name, _) = await AssociateAsync();

        foreach (
            var (language, category) in new[]
            {
                ("en", "Associate member"),
                ("es", "Miembro asociado"),
                ("ko", "준회원"),
            }
        )
        {
            var page = await PortalClient
                .For(portal, language)
                .GetPageAsync($"/members?q={Uri.EscapeDataString(name)}");

            Assert.Contains($"<td>{name}", page, StringComparison.Ordinal);
            Assert.Contains(category, page, StringComparison.Ordinal);
            Assert.DoesNotContain("Lee Kai Yet", page, StringComparison.Ordinal);
            Assert.DoesNotContain("official@example.org", page, StringComparison.Ordinal);
            Assert.DoesNotContain("WGO-", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_directory_sends_a_hundred_members_a_page_and_its_next_link_leads_to_the_rest()
    {
        // 101 active members whose names share a word no other test uses, and one that withdrew.
        var word = TestData.Unique("Paginada");
        await portal.WithDbAsync(async db =>
        {
            var organizations = Enumerable
                .Range(1, ListMemberDirectory.PageSize + 2)
                .Select(i => new Domain.Organizations.Organization(
                    $"{word} Council {i:000}",
                    "MY",
                    Domain.Organizations.Region.AsiaPacific,
                    Domain.Organizations.OrganizationKind.LocalGovernment
                ))
                .ToList();
            db.Organizations.AddRange(organizations);
            await db.SaveChangesAsync();
            db.Members.AddRange(
                organizations.Select(
                    (o, i) =>
                        TestData.RegistryMember(
                            o.Id,
                            o.Kind,
                            Domain.Membership.MembershipCategory.Associate,
                            new DateOnly(2020, 1, 1),
                            i == 0 ? Domain.Membership.MemberStatus.Withdrawn : Domain.Membership.MemberStatus.Active
                        )
                )
            );
            await db.SaveChangesAsync();
            return organizations.Count;
        });
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#directory tbody tr td:first-child").Select(td => td.TextContent.Trim())];

        foreach (var (language, pageOf) in new[] { ("en", "Page {0} of {1}"), ("ko", "{1}쪽 중 {0}쪽") })
        {
            var visitor = PortalClient.For(portal, language);
            var first = parser.ParseDocument(
                await visitor.GetPageAsync($"/members?q={Uri.EscapeDataString(word)}&Region=AsiaPacific")
            );
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, pageOf, 1, 2), PageOf(first));
            Assert.Equal(
                [.. Enumerable.Range(2, ListMemberDirectory.PageSize).Select(i => $"{word} Council {i:000}")],
                Names(first)
            );

            var next = first.QuerySelector("#directory-pages a[rel=next]")!.GetAttribute("href")!;
            var second = parser.ParseDocument(await visitor.GetPageAsync(next));
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, pageOf, 2, 2), PageOf(second));
            Assert.Equal([$"{word} Council 102"], Names(second));
            Assert.Equal(
                "AsiaPacific",
                second.QuerySelector("#directory-region option[selected]")!.GetAttribute("value")
            );

            // A page past the last shows the last; the previous link leads back to the first.
            var beyond = parser.ParseDocument(
                await visitor.GetPageAsync($"/members?q={Uri.EscapeDataString(word)}&p=9")
            );
            Assert.Equal(Names(second), Names(beyond));
            var previous = second.QuerySelector("#directory-pages a[rel=prev]")!.GetAttribute("href")!;
            Assert.Equal(Names(first), Names(parser.ParseDocument(await visitor.GetPageAsync(previous))));
        }

        static string PageOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelector("#directory-pages .active")!.TextContent.Trim();
    }

    [Fact]
    public async Task Staff_find_the_member_and_its_CSV_and_record_its_withdrawal_which_the_directory_follows()
    {
        var (name, memberId) = await AssociateAsync();
        var staff = await StaffAsync();

        var registry = await staff.GetPageAsync($"/Membership/Members?Filter.Text={Uri.EscapeDataString(name)}");
        Assert.Contains($"data-member=\"{memberId}\"", registry, StringComparison.Ordinal);
        using var csv = await staff.GetAsync(
            $"/Membership/Members?handler=Csv&Filter.Text={Uri.EscapeDataString(name)}"
        );
        var lines = (await csv.Content.ReadAsStringAsync())
            .Trim('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Organisation,Country,Region,Category,Status,Member since", lines[0]);
        Assert.StartsWith($"{name},MY,AsiaPacific,Associate,Active,", lines[1], StringComparison.Ordinal);

        var details = await staff.GetPageAsync($"/Membership/Members/Details/{memberId}");
        using var withdrawn = await staff.PostFormAsync(
            $"/Membership/Members/Details/{memberId}",
            [
                new("Status.Version", VersionOf().Match(details).Groups[1].Value),
                new("Status.To", "Withdrawn"),
                new("Status.On", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("Status.Reason", "The council withdrew by letter of 10 January."),
            ],
            $"/Membership/Members/Change/{memberId}"
        );

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        details = await staff.GetPageAsync($"/Membership/Members/Details/{memberId}");
        Assert.Contains("The council withdrew by letter of 10 January.", details, StringComparison.Ordinal);
        var directory = await PortalClient.For(portal, "en").GetPageAsync($"/members?q={Uri.EscapeDataString(name)}");
        Assert.Contains("id=\"no-members\"", directory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawal_without_a_reason_is_refused_with_the_message_and_keeps_what_was_chosen()
    {
        var (_, memberId) = await AssociateAsync();
        var staff = await StaffAsync();
        var details = await staff.GetPageAsync($"/Membership/Members/Details/{memberId}");

        using var refused = await staff.PostFormAsync(
            $"/Membership/Members/Details/{memberId}",
            [
                new("Status.Version", VersionOf().Match(details).Groups[1].Value),
                new("Status.To", "Withdrawn"),
                new("Status.On", "2026-01-15"),
                new("Status.Reason", ""),
            ],
            $"/Membership/Members/Change/{memberId}"
        );

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Withdrawn\" selected", page);
        Assert.Equal(
            Domain.Membership.MemberStatus.Active,
            await portal.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Status).SingleAsync())
        );
    }

    [Fact]
    public async Task The_welcome_letter_is_written_in_the_members_language_whatever_the_readers()
    {
        var id = await portal.AcceptedApplicationAsync("es", acceptedOn: new DateOnly(2024, 11, 18));
        var memberId = await MemberOfAsync(id);

        var letter = await (await StaffAsync()).GetPageAsync($"/Membership/Members/Letter/{memberId}");

        Assert.Contains("lang=\"es\"", letter, StringComparison.Ordinal);
        Assert.Contains("Bienvenidos a WeGO", letter, StringComparison.Ordinal);
        Assert.Contains(
            "como miembro asociado de WeGO desde el 18 de noviembre de 2024",
            letter,
            StringComparison.Ordinal
        );
        Assert.Contains("Lee Kai Yet", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_letter_reads_the_category_and_date_without_a_wrong_article_or_a_US_date()
    {
        var id = await portal.AcceptedApplicationAsync("en", acceptedOn: new DateOnly(2025, 2, 14));
        var memberId = await MemberOfAsync(id);

        var letter = await (await StaffAsync()).GetPageAsync($"/Membership/Members/Letter/{memberId}");

        Assert.Contains("membership, as Associate member, from 14 February 2025.", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("as a Associate", letter, StringComparison.Ordinal);
    }

    /// <summary>The registry line of the organisation that sent application <paramref name="applicationId"/>.</summary>
    private Task<int> MemberOfAsync(int applicationId) =>
        portal.WithDbAsync(db =>
            db.Members.Where(m =>
                    db.MembershipApplications.Any(a => a.Id == applicationId && a.OrganizationId == m.OrganizationId)
                )
                .Select(m => m.Id)
                .SingleAsync()
        );

    [GeneratedRegex("name=\"Status.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionOf();
}
