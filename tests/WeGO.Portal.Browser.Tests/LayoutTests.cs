using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>What a reader sees whatever the data: the longest names the forms allow stay inside a 1280-pixel window,
/// and Korean is drawn with real glyphs rather than empty boxes.</summary>
public sealed class LayoutTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true }, durations)
{
    // One unbroken word as long as a name may be: the worst case for a table column.
    private static readonly string LongName = string.Concat(Enumerable.Repeat("Wawasan", 28)) + "Kota";

    private async Task<IPage> SignedInPageAsync(string locale = "en-GB")
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = locale,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        var page = await context.NewPageAsync();
        await SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return page;
    }

    [ChromiumFact]
    public async Task The_longest_names_wrap_inside_every_table_and_card_at_1280_pixels()
    {
        using var timing = Timed();
        Assert.Equal(Organization.NameMaxLength, LongName.Length);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var visitId = (
            await Portal.SendAsync(
                new ScheduleVisit.Command
                {
                    OrganizationName = LongName,
                    CountryCode = "MY",
                    Purpose = LongName,
                    Date = today.AddDays(3),
                    StartTime = new TimeOnly(10, 0),
                    EndTime = new TimeOnly(12, 0),
                    Venue = LongName,
                    OtherHostName = LongName,
                    HeadOfDelegation = LongName,
                    ScheduleDespiteConflicts = true,
                    CreateNewOrganization = true,
                }
            )
        ).VisitId!.Value;
        await Portal.SendAsync(
            new AddFollowUp.Command
            {
                VisitId = visitId,
                Description = LongName,
                OwnerName = LongName,
                DueOn = today.AddDays(-2),
            }
        );
        await Portal.SendAsync(
            new SubmitMembershipInquiry.Command
            {
                OrganizationName = LongName,
                CountryCode = "MY",
                Kind = OrganizationKind.LocalGovernment,
                ContactName = LongName,
                Email = "wawasan@example.org",
                PreferredLanguage = "en",
                ConsentGiven = true,
            }
        );
        var inquiryId = await Portal.WithDbAsync(db =>
            db.MembershipInquiries.Where(i => i.OrganizationName == LongName).Select(i => i.Id).SingleAsync()
        );
        var page = await SignedInPageAsync();

        string[] addresses =
        [
            "/",
            "/Visits",
            $"/Visits/Details/{visitId}",
            $"/Visits/Calendar?view=week&date={today.AddDays(3):yyyy-MM-dd}",
            $"/Visits/Calendar?date={today.AddDays(3):yyyy-MM-dd}",
            "/Dashboard",
            "/FollowUps/Overdue",
            "/Membership/Inquiries",
            $"/Membership/Inquiries/Details/{inquiryId}",
        ];
        foreach (var address in addresses)
        {
            await page.GotoAsync(address);
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(LongName[..20]);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 1280, $"{address} is {width} px wide at a 1280 px window");
            // Nor is any other cell squeezed so that an ordinary word breaks ("Co/unt/ry").
            var squeezed = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('th, td')]
                  .filter(cell => !cell.classList.contains('text-break'))
                  .filter(cell => {
                  const style = getComputedStyle(cell);
                  const context = document.createElement('canvas').getContext('2d');
                  context.font = style.font;
                  const words = cell.innerText.split(/\s+/).filter(w => w);
                  const widest = Math.max(0, ...words.map(w => context.measureText(w).width));
                  return widest > cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 1;
                }).map(cell => cell.innerText)
                """
            );
            Assert.True(squeezed.Length == 0, $"{address} breaks words in: {string.Join(" | ", squeezed)}");
        }

        await page.GotoAsync("/Visits");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "visits-long-name.png"), FullPage = true }
        );
    }

    [ChromiumFact]
    public async Task Korean_is_drawn_with_real_glyphs()
    {
        using var timing = Timed();
        var page = await SignedInPageAsync("ko-KR");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");

        // In the page's own font: a Hangul syllable drawn without a Korean font is the same empty box as a code point
        // no font has (U+0378), and a real one is about one em wide.
        var drawn = await page.EvaluateAsync<double[]>(
            """
            () => {
              const font = getComputedStyle(document.body).font.replace(/\d+(\.\d+)?px/, '100px');
              const pixels = text => {
                const canvas = document.createElement('canvas');
                canvas.width = 200; canvas.height = 200;
                const context = canvas.getContext('2d');
                context.font = font;
                context.fillText(text, 20, 150);
                return { width: context.measureText(text).width, data: context.getImageData(0, 0, 200, 200).data };
              };
              const hangul = pixels('한'), missing = pixels('\u0378');
              let differing = 0;
              for (let i = 3; i < hangul.data.length; i += 4) if (hangul.data[i] !== missing.data[i]) differing++;
              return [hangul.width, missing.width, differing];
            }
            """
        );

        Assert.True(
            drawn[2] > 100,
            $"'한' is drawn like a missing glyph ({drawn[2]} pixels differ): "
                + "is a Korean font (fonts-noto-cjk) installed?"
        );
        Assert.InRange(drawn[0], 85, 115);
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "home-ko-glyphs.png"), FullPage = true }
        );
    }
}
