using System.Text;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>One portal for the class, holding 30 visits written once (<see cref="History"/>): the tests only read
/// them, so each can count them exactly.</summary>
public sealed class ListVisitsTests(ListVisitsTests.History history) : IClassFixture<ListVisitsTests.History>
{
    private readonly PortalFactory portal = history.Portal;

    /// <summary>Six visits of each of five cities, one a day from 6 January 2025: Seremban (Asia-Pacific), Quito and
    /// Bogotá (Latin America), Chengdu and Gangnam-gu (in Korean), all requested.</summary>
    public sealed class History : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new();

        public async Task InitializeAsync()
        {
            Portal.Start();
            var cities = new[]
            {
                ("Seremban City Council", "MY"),
                ("Quito", "EC"),
                ("Bogotá", "CO"),
                ("Chengdu", "CN"),
                ("서울 강남구", "KR"),
            };
            var day = new DateOnly(2025, 1, 6);
            foreach (var (name, country) in cities)
            {
                for (var i = 0; i < 6; i++)
                {
                    var date = day;
                    await Portal.ScheduleVisitAsync(c =>
                        c with
                        {
                            OrganizationName = name,
                            LocalName = null,
                            CountryCode = country,
                            Purpose = "Exchange",
                            Date = date,
                            StartTime = new TimeOnly(10, 0),
                            EndTime = new TimeOnly(11, 0),
                            Venue = $"Room {name}",
                            OtherHostName = "Host " + name,
                        }
                    );
                    day = day.AddDays(1);
                }
            }
        }

        public Task DisposeAsync()
        {
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_list_is_paged_newest_first_with_the_total()
    {
        var first = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter(), 1, 25));
        var second = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter(), 2, 25));

        Assert.Equal(30, first.TotalCount);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(25, first.Rows.Count);
        Assert.Equal(5, second.Rows.Count);
        Assert.Equal(first.Rows.Select(r => r.StartsAtUtc).OrderDescending(), first.Rows.Select(r => r.StartsAtUtc));
        Assert.True(first.Rows[^1].StartsAtUtc > second.Rows[0].StartsAtUtc);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var result = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter(), 99, 25));

        Assert.Equal(2, result.Page);
        Assert.Equal(5, result.Rows.Count);
    }

    [Fact]
    public async Task Filters_combine_status_region_dates_and_text()
    {
        var byText = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter { Text = "bogo" }));
        var byRegion = await portal.SendAsync(
            new ListVisits.Query(new ListVisits.Filter { Region = Region.LatinAmerica })
        );
        var byDates = await portal.SendAsync(
            new ListVisits.Query(
                new ListVisits.Filter { From = new DateOnly(2025, 1, 6), To = new DateOnly(2025, 1, 8) }
            )
        );
        var byStatus = await portal.SendAsync(
            new ListVisits.Query(new ListVisits.Filter { Status = VisitStatus.Confirmed })
        );
        var korean = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter { Text = "강남" }));
        var wildcard = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter { Text = "%" }));

        Assert.Equal(6, byText.TotalCount);
        Assert.All(byText.Rows, r => Assert.Equal("Bogotá", r.Organization));
        Assert.Equal(12, byRegion.TotalCount);
        Assert.Equal(3, byDates.TotalCount);
        Assert.Equal(0, byStatus.TotalCount);
        Assert.Equal(6, korean.TotalCount);
        Assert.Equal(0, wildcard.TotalCount);
    }

    [Fact]
    public async Task Export_is_utf8_with_bom_and_keeps_accents_and_korean()
    {
        var csv = await portal.SendAsync(
            new ExportVisits.Query(new ListVisits.Filter { Region = Region.LatinAmerica })
        );

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Take(3));
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, lines.Length);
        Assert.Contains(lines, l => l.Contains(",Bogotá,CO,LatinAmerica,", StringComparison.Ordinal));
        var all = Encoding.UTF8.GetString(
            await portal.SendAsync(new ExportVisits.Query(new ListVisits.Filter { Text = "서울" }))
        );
        Assert.Contains("서울 강남구", all, StringComparison.Ordinal);
    }
}
