using System.Diagnostics;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;
using Xunit.Abstractions;

namespace WeGO.Portal.Browser.Tests;

/// <summary>WCAG 2.2 AA as axe-core checks it, on every page the portal has, in each of its languages: the public
/// pages as a visitor sees them, the staff pages as an administrator, over the demo's data. The pages are read from
/// the portal's own endpoints, so a new page is audited without editing this test (a page whose route needs a record
/// this test has no sample for fails, naming the page). With them: the header is one row at 1280 px and no page is
/// wider than a 375 px phone.</summary>
public sealed partial class AccessibilityTests(TestDurations durations, ITestOutputHelper output)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true, SeedDemo = true }, durations)
{
    /// <summary>axe-core 4.14 as Deque bundles it.</summary>
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    /// <summary>Every rule of WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe's best practices are not asked for). Only
    /// the violations come back with their nodes. Each violation is read as "rule (help) at selector | selector".
    /// </summary>
    private const string RunWcagAA = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.map(v =>
            `${v.id} (${v.help}) at ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`);
        }
        """;

    /// <summary>Pages a browser never opens with a GET: the language switch only answers its form's post, the single
    /// sign-on button's page its post and the provider's callback.</summary>
    private static readonly string[] PostOnly = ["/Culture", "/Account/ExternalSignIn"];

    /// <summary>Query values pages read (not route parameters): a draft's report, an application's inquiry.</summary>
    private static readonly string[] QueryValues = ["reportId", "inquiryId"];

    private sealed record PortalPage(string Name, string Path, bool Public);

    [ChromiumFact]
    public async Task Every_public_and_staff_page_passes_axe_in_every_language()
    {
        using var timing = Timed();
        var pages = await PagesAsync();
        // The audit finds what it looks for: an image without a text alternative and an unnamed button.
        var sample = await NewPageAsync(1280);
        await sample.SetContentAsync("""<html lang="en"><body><img src="x.png"><button></button></body></html>""");
        await sample.EvaluateAsync(AxeScript);
        var found = await sample.EvaluateAsync<string[]>(RunWcagAA);
        Assert.Contains(found, v => v.StartsWith("image-alt", StringComparison.Ordinal));
        Assert.Contains(found, v => v.StartsWith("button-name", StringComparison.Ordinal));
        // The languages are audited side by side, each by its own visitor and administrator (axe runs in each tab's
        // own renderer, so two cores audit about twice as fast as one tab would).
        var audits = (await Task.WhenAll(Languages().Select(language => AuditAsync(language, pages))))
            .SelectMany(a => a)
            .ToList();
        var violations = audits.SelectMany(a => a.Violations).ToList();

        output.WriteLine(
            $"axe WCAG 2.2 AA: {pages.Count} pages ({pages.Count(p => p.Public)} public) x "
                + $"{Languages().Length} languages = {audits.Count} audits, {violations.Count} violations"
        );
        output.WriteLine(
            $"axe's own time: {audits.Sum(a => a.Took.TotalSeconds):0} s; slowest: "
                + string.Join(
                    ", ",
                    audits.OrderByDescending(a => a.Took).Take(5).Select(a => $"{a.Page} {a.Took:s\\.f} s")
                )
        );
        Assert.Equal(pages.Count * Languages().Length, audits.Count);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private sealed record Audit(string Page, TimeSpan Took, IReadOnlyList<string> Violations);

    /// <summary>Every page in one language: public pages by a visitor, staff pages by the administrator.</summary>
    private async Task<List<Audit>> AuditAsync(string language, IReadOnlyList<PortalPage> pages)
    {
        var visitor = await NewPageAsync(1280);
        var administrator = await NewPageAsync(1280);
        await SignInAsync(administrator, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await ChooseLanguageAsync(visitor, language);
        await ChooseLanguageAsync(administrator, language);
        var audits = new List<Audit>();
        foreach (var page in pages)
        {
            var browser = page.Public ? visitor : administrator;
            await OpenAsync(browser, page);
            var auditing = Stopwatch.StartNew();
            // axe run in the page itself: the Playwright package's RunAxe opens a second tab for every audit to
            // gather frames, which this portal does not have, and took three quarters of the time.
            await browser.EvaluateAsync(AxeScript);
            var violations = await browser.EvaluateAsync<string[]>(RunWcagAA);
            audits.Add(
                new Audit(
                    $"{language} {page.Path}",
                    auditing.Elapsed,
                    [.. violations.Select(v => $"{language} {page.Path}: {v}")]
                )
            );
        }

        return audits;
    }

    [ChromiumFact]
    public async Task The_header_is_one_row_at_1280_pixels_and_no_page_is_wider_than_a_phone()
    {
        using var timing = Timed();
        var pages = await PagesAsync();
        var visitor = await NewPageAsync(375);
        var administrator = await NewPageAsync(1280);
        await SignInAsync(administrator, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var tooWide = new List<string>();
        foreach (var language in Languages())
        {
            await ChooseLanguageAsync(visitor, language);
            await ChooseLanguageAsync(administrator, language);
            await administrator.SetViewportSizeAsync(1280, 900);
            await administrator.GotoAsync("/");
            // One row: every entry of the header starts above the bottom of every other.
            var rows = await administrator.EvaluateAsync<double[]>(
                """
                () => {
                  const entries = [...document.querySelectorAll('#main-nav > ul > li')]
                    .map(li => li.getBoundingClientRect());
                  return [Math.max(...entries.map(r => r.top)), Math.min(...entries.map(r => r.bottom))];
                }
                """
            );
            Assert.True(
                rows[0] < rows[1],
                $"{language}: the administrator's header takes more than one row at 1280 px"
            );
            await administrator
                .Locator("header")
                .ScreenshotAsync(
                    new() { Path = Path.Combine(Browser.ScreenshotFolder, $"navigation-1280-{language}.png") }
                );

            await administrator.SetViewportSizeAsync(375, 800);
            foreach (var page in pages)
            {
                var browser = page.Public ? visitor : administrator;
                await OpenAsync(browser, page);
                var width = await browser.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (width > 375)
                {
                    tooWide.Add($"{language} {page.Path}: {width} px");
                }
            }
        }

        Assert.True(tooWide.Count == 0, "Wider than a 375 px window: " + string.Join(", ", tooWide));
        // The picture shows the first screen in English: the whole list is thousands of pixels tall.
        await ChooseLanguageAsync(administrator, "en");
        await administrator.SetViewportSizeAsync(375, 1100);
        await administrator.GotoAsync("/Visits");
        await administrator.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "visit-list-375.png") }
        );
    }

    /// <summary>The languages the portal offers, as its request localization lists them.</summary>
    private string[] Languages() =>
        [
            .. Portal
                .Services.GetRequiredService<IOptions<RequestLocalizationOptions>>()
                .Value.SupportedUICultures!.Select(c => c.TwoLetterISOLanguageName),
        ];

    private async Task<IPage> NewPageAsync(int width)
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = "en-GB",
                TimezoneId = "Asia/Seoul",
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
            }
        );
        return await context.NewPageAsync();
    }

    /// <summary>As a reader does: the header's language menu (behind the menu button on a narrow window).</summary>
    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.GotoAsync("/");
        if (await page.Locator(".navbar-toggler").IsVisibleAsync())
        {
            await page.Locator(".navbar-toggler").ClickAsync();
            // Bootstrap marks the menu "show" once it has finished sliding open.
            await Assertions.Expect(page.Locator("#main-nav")).ToHaveClassAsync(ShownMenu());
        }

        await page.Locator("#language-menu").ClickAsync();
        await Assertions.Expect(page.Locator("header form.dropdown-menu")).ToHaveClassAsync(ShownMenu());
        await page.Locator($"button[name=culture][value={language}]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>Opens a page and checks that it is the page asked for, not an error or the sign-in form (a page that
    /// answers a GET by showing another, such as a form's confirmation step, is checked where it leads).</summary>
    private static async Task OpenAsync(IPage browser, PortalPage page)
    {
        var response = await browser.GotoAsync(page.Path);
        Assert.True(page.Name == "/Error" || response is { Status: < 400 }, $"{page.Path} answered {response?.Status}");
        Assert.True(
            page.Public || !browser.Url.Contains("/Account/SignIn", StringComparison.Ordinal),
            $"{page.Path} asked the administrator to sign in"
        );
    }

    /// <summary>Every Razor page the portal routes, with the demo's records in its route: public where its endpoint
    /// allows anonymous visitors.</summary>
    private async Task<List<PortalPage>> PagesAsync()
    {
        var samples = await SamplesAsync();
        var links = Portal.Services.GetRequiredService<LinkGenerator>();
        var missing = new List<string>();
        var pages = new List<PortalPage>();
        var endpoints = Portal
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (PostOnly.Contains(endpoint.Key))
            {
                continue;
            }

            var route = endpoint.First();
            var names = route.RoutePattern.Parameters.Select(p => p.Name).Concat(QueryValues).ToHashSet();
            var values = new RouteValueDictionary(samples.For(endpoint.Key).Where(v => names.Contains(v.Key)));
            var path = links.GetPathByPage(endpoint.Key, handler: null, values: values);
            if (path is null)
            {
                missing.Add($"{endpoint.Key} ({route.RoutePattern.RawText})");
                continue;
            }

            pages.Add(new PortalPage(endpoint.Key, path, route.Metadata.GetMetadata<IAllowAnonymous>() is not null));
        }

        Assert.True(missing.Count == 0, "No demo record for: " + string.Join(", ", missing));
        return pages;
    }

    /// <summary>The records the demo wrote, one of each kind a route names; the delegation page's link is issued
    /// by sending an upcoming visit's programme to a contact, as staff do.</summary>
    private async Task<Samples> SamplesAsync()
    {
        var now = DateTime.UtcNow;
        Task<int> VersionAsync(int id) =>
            Portal.WithDbAsync(db => db.Visits.Where(v => v.Id == id).Select(v => v.Version).SingleAsync());
        var visit = await Portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Status == VisitStatus.Confirmed && v.StartsAtUtc > now)
                .OrderBy(v => v.StartsAtUtc)
                .Select(v => v.Id)
                .FirstAsync()
        );
        await Portal.SendAsync(
            new EditProgramme.Command
            {
                VisitId = visit,
                Version = await VersionAsync(visit),
                ContactName = "Lee Kai Yet",
                ContactEmail = "lee.kaiyet@example.org",
                ContactLanguage = "es",
            }
        );
        await Portal.SendAsync(new SendProgramme.Command(visit, await VersionAsync(visit)));
        var mails = await Portal.WithDbAsync(db => db.OutboxMessages.Select(m => m.Body).ToListAsync());
        string Link(Regex link) => mails.Select(m => link.Match(m)).First(m => m.Success).Groups[1].Value;

        return await Portal.WithDbAsync(async db =>
        {
            Task<int> Report(ReviewState state) =>
                db.VisitReports.Where(r => r.State == state).Select(r => r.Id).FirstAsync();
            return new Samples
            {
                Visit = visit,
                CompletedVisitWithoutReport = await db
                    .Visits.Where(v =>
                        v.Status == VisitStatus.Completed && !db.VisitReports.Any(r => r.VisitId == v.Id)
                    )
                    .Select(v => v.Id)
                    .FirstAsync(),
                DraftReport = await Report(ReviewState.Draft),
                SubmittedReport = await Report(ReviewState.Submitted),
                ApprovedReport = await Report(ReviewState.Approved),
                FollowUp = await db.FollowUps.Select(f => f.Id).FirstAsync(),
                VisitRequest = await db
                    .VisitRequests.Where(r => r.Status == VisitRequestStatus.Received)
                    .Select(r => r.Reference)
                    .FirstAsync(),
                Inquiry = await db.MembershipInquiries.Select(i => i.Id).FirstAsync(),
                Application = await db.MembershipApplications.Select(a => a.Id).FirstAsync(),
                Meeting = await db.CommitteeMeetings.Select(m => m.Id).FirstAsync(),
                Member = await db.Members.Select(m => m.Id).FirstAsync(),
                Organization = await db.Organizations.Select(o => o.Id).FirstAsync(),
                Release = await db.NewsReleases.Where(r => r.PublishedAtUtc != null).Select(r => r.Id).FirstAsync(),
                ReleaseSlug = await db
                    .NewsReleases.Where(r => r.PublishedAtUtc != null)
                    .Select(r => r.Slug)
                    .FirstAsync(),
                Staff = await db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).FirstAsync(),
                DelegationToken = Link(DelegationLink()),
                InquiryToken = Link(InquiryStatusLink()),
                VisitRequestToken = Link(VisitRequestStatusLink()),
            };
        });
    }

    private sealed record Samples
    {
        public required int Visit { get; init; }
        public required int CompletedVisitWithoutReport { get; init; }
        public required int DraftReport { get; init; }
        public required int SubmittedReport { get; init; }
        public required int ApprovedReport { get; init; }
        public required int FollowUp { get; init; }
        public required string VisitRequest { get; init; }
        public required int Inquiry { get; init; }
        public required int Application { get; init; }
        public required int Meeting { get; init; }
        public required int Member { get; init; }
        public required int Organization { get; init; }
        public required int Release { get; init; }
        public required string ReleaseSlug { get; init; }
        public required string Staff { get; init; }
        public required string DelegationToken { get; init; }
        public required string InquiryToken { get; init; }
        public required string VisitRequestToken { get; init; }

        /// <summary>The values a page's route may need, and the query some pages read: by page where its folder's
        /// record does not fit, else by folder.</summary>
        public RouteValueDictionary For(string page) =>
            page switch
            {
                "/Reports/Start" => new() { ["id"] = CompletedVisitWithoutReport },
                "/Reports/Edit" or "/Reports/FollowUp" => new() { ["id"] = DraftReport },
                "/Reports/Review" => new() { ["id"] = SubmittedReport },
                "/Reports/Version" => new() { ["id"] = ApprovedReport, ["number"] = 1 },
                "/News/Draft" => new() { ["reportId"] = ApprovedReport },
                "/News/Release" => new() { ["slug"] = ReleaseSlug },
                "/Membership/Applications/Start" => new() { ["inquiryId"] = Inquiry },
                "/Delegation/Index" => new() { ["token"] = DelegationToken },
                "/Membership/Status" => new() { ["token"] = InquiryToken },
                "/VisitRequests/Status" => new() { ["token"] = VisitRequestToken },
                _ => page.Split('/')[1..^1] switch
                {
                    ["Visits"] => new() { ["id"] = Visit },
                    ["VisitRequests"] => new() { ["reference"] = VisitRequest },
                    ["Reports"] => new() { ["id"] = ApprovedReport },
                    ["FollowUps"] => new() { ["id"] = FollowUp },
                    ["News"] => new() { ["id"] = Release },
                    ["Staff"] => new() { ["id"] = Staff },
                    ["Membership", "Inquiries"] => new() { ["id"] = Inquiry },
                    ["Membership", "Applications"] => new() { ["id"] = Application },
                    ["Membership", "Committee"] => new() { ["id"] = Meeting },
                    ["Membership", "Members"] => new() { ["id"] = Member },
                    ["Organizations"] => new() { ["id"] = Organization },
                    _ => [],
                },
            };
    }

    [GeneratedRegex(@"\bshow\b")]
    private static partial Regex ShownMenu();

    [GeneratedRegex(@"/delegation/([A-Za-z0-9_-]{43})")]
    private static partial Regex DelegationLink();

    [GeneratedRegex(@"/Membership/Status/([A-Za-z0-9_-]{43})")]
    private static partial Regex InquiryStatusLink();

    [GeneratedRegex(@"/VisitRequests/Status/([A-Za-z0-9_-]{43})")]
    private static partial Regex VisitRequestStatusLink();
}
