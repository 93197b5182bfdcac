using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The lists' search box through the text index (SQLite FTS5, trigram): one portal for the class, each test
/// writing rows under made-up words of its own, so none sees another's.</summary>
public sealed class TextSearchTests(TextSearchTests.Host host) : IClassFixture<TextSearchTests.Host>
{
    private readonly PortalFactory portal = host.Portal;

    public sealed class Host : IDisposable
    {
        public PortalFactory Portal { get; } = new PortalFactory { SeedDemo = false }.Start();

        public void Dispose() => Portal.Dispose();
    }

    private Task<ListVisits.Result> SearchVisitsAsync(string text, VisitSort? sort = null) =>
        portal.SendAsync(new ListVisits.Query(new ListVisits.Filter { Text = text, Sort = sort }, 1, 200));

    private Task<int> VisitAsync(string organization, string? head = null, string? venue = null, int day = 0) =>
        portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = organization,
                HeadOfDelegation = head ?? c.HeadOfDelegation,
                Venue = venue ?? c.Venue,
                Date = c.Date!.Value.AddDays(day),
            }
        );

    [Fact]
    public async Task A_rare_word_finds_exactly_its_visits()
    {
        var word = TestData.DistinctWord();
        var first = await VisitAsync($"{word} City Council");
        var second = await VisitAsync("Elsewhere " + TestData.DistinctWord(), head: $"Ana {word}");
        await VisitAsync("Elsewhere " + TestData.DistinctWord());

        var found = await SearchVisitsAsync(word);

        Assert.Equal(2, found.TotalCount);
        Assert.Equal([first, second], found.Rows.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_common_word_is_counted_exactly_and_both_ways_of_matching_agree()
    {
        await VisitAsync("Common " + TestData.DistinctWord());
        await VisitAsync("Common " + TestData.DistinctWord());

        var found = await SearchVisitsAsync("secretariat");
        var recount = await portal.WithDbAsync(db =>
            db.Visits.CountAsync(v =>
                EF.Functions.Like(v.Venue, "%secretariat%")
                || EF.Functions.Like(v.Organization.Name, "%secretariat%")
                || EF.Functions.Like(v.Delegation.HeadOfDelegation!, "%secretariat%")
            )
        );
        var (few, many) = await portal.WithDbAsync(async db =>
        {
            var filter = new ListVisits.Filter { Text = "secretariat" };
            return (
                await filter.Apply(db, "UTC").Select(v => v.Id).ToListAsync(),
                await filter.Apply(db, "UTC", manyMatches: true).Select(v => v.Id).ToListAsync()
            );
        });

        Assert.True(recount >= 2);
        Assert.Equal(recount, found.TotalCount);
        Assert.Equal(few.Order(), many.Order());
    }

    [Fact]
    public async Task The_start_of_a_word_finds_it()
    {
        var word = TestData.DistinctWord();
        var id = await VisitAsync($"{word} Metropolitan Government");

        var found = await SearchVisitsAsync(word[..4]);

        Assert.Contains(id, found.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Text_under_three_characters_is_still_found()
    {
        var word = TestData.DistinctWord();
        var id = await VisitAsync($"{word} Council", head: "Wu Qz");

        var found = await SearchVisitsAsync("Qz");

        Assert.False(TextSearch.UsesIndex("Qz"));
        Assert.Contains(id, found.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Korean_names_are_found_by_any_part()
    {
        var word = TestData.DistinctWord();
        var id = await VisitAsync($"서울특별시 강남구 {word}");

        Assert.Contains(id, (await SearchVisitsAsync("강남구")).Rows.Select(r => r.Id));
        Assert.Contains(id, (await SearchVisitsAsync("강남")).Rows.Select(r => r.Id));
        Assert.Contains(id, (await SearchVisitsAsync($"강남구 {word}")).Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Spanish_accents_are_found_with_or_without_them()
    {
        var word = TestData.DistinctWord();
        var id = await VisitAsync($"Alcaldía de Bogotá {word}", head: "José Núñez");

        Assert.Equal([id], (await SearchVisitsAsync($"Bogotá {word}")).Rows.Select(r => r.Id));
        Assert.Equal([id], (await SearchVisitsAsync($"bogota {word}")).Rows.Select(r => r.Id));
        Assert.Contains(id, (await SearchVisitsAsync("Núñez")).Rows.Select(r => r.Id));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\" OR \"")]
    [InlineData("NEAR(a b)")]
    [InlineData("a* AND -b")]
    [InlineData("'; DROP TABLE \"Visits\"; --")]
    [InlineData("%_\\")]
    [InlineData("{col}: ^x")]
    public async Task Quotes_and_operators_in_the_text_are_taken_literally(string text)
    {
        var word = TestData.DistinctWord();
        var id = await VisitAsync($"{word} Council", venue: $"Hall {text} {word}");

        var found = await SearchVisitsAsync($"{text} {word}");
        var inquiries = await portal.SendAsync(new ListInquiries.Query(new ListInquiries.Filter { Text = text }));
        var organizations = await portal.WithDbAsync(db => FindOrganizations.Matching(db, text).ToListAsync());

        Assert.Equal([id], found.Rows.Select(r => r.Id));
        Assert.NotNull(inquiries);
        Assert.NotNull(organizations);
    }

    [Fact]
    public async Task A_renamed_organisation_is_found_by_its_new_name_only()
    {
        var before = TestData.DistinctWord();
        var after = TestData.DistinctWord();
        var id = await VisitAsync($"{before} City Council");

        await portal.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Name == $"{before} City Council");
            organization.Rename($"{after} City Council", null);
            return await db.SaveChangesAsync();
        });

        Assert.Empty((await SearchVisitsAsync(before)).Rows);
        Assert.Equal([id], (await SearchVisitsAsync(after)).Rows.Select(r => r.Id));
        Assert.Equal(
            [$"{after} City Council"],
            await portal.WithDbAsync(db => FindOrganizations.Matching(db, after).Select(o => o.Name).ToListAsync())
        );
    }

    [Fact]
    public async Task A_deleted_visit_is_no_longer_found()
    {
        var word = TestData.DistinctWord();
        var kept = await VisitAsync($"{word} City Council");
        var deleted = await VisitAsync($"{word} City Council");

        await portal.WithDbAsync(async db =>
        {
            db.Visits.Remove(await db.Visits.SingleAsync(v => v.Id == deleted));
            return await db.SaveChangesAsync();
        });

        var found = await SearchVisitsAsync(word);
        Assert.Equal(1, found.TotalCount);
        Assert.Equal([kept], found.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_better_match_comes_first_unless_another_sort_is_chosen()
    {
        var word = TestData.DistinctWord();
        // The weaker match is the newer visit, so newest first would show it first.
        var better = await VisitAsync(word, day: 0);
        var weaker = await VisitAsync(
            $"Provincial Government of the Greater Metropolitan Area of {word} and its Neighbouring Districts",
            day: 1
        );

        var byRelevance = await SearchVisitsAsync(word);
        var newest = await SearchVisitsAsync(word, VisitSort.Newest);
        var oldest = await SearchVisitsAsync(word, VisitSort.Oldest);

        Assert.Equal([better, weaker], byRelevance.Rows.Select(r => r.Id));
        Assert.Equal([weaker, better], newest.Rows.Select(r => r.Id));
        Assert.Equal([better, weaker], oldest.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Inquiries_are_found_by_organisation_contact_email_and_reference_best_match_first()
    {
        var word = TestData.DistinctWord();
        var weaker = await portal.MembershipInquiryAsync(change: c =>
            c with
            {
                OrganizationName = $"Provincial Government of the Greater Area of {word} and its Districts",
            }
        );
        var better = await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = $"{word} Council" });
        var contact = await portal.MembershipInquiryAsync(change: c => c with { ContactName = $"Mía {word}ez" });

        var found = await portal.SendAsync(new ListInquiries.Query(new ListInquiries.Filter { Text = word }));
        var byReference = await portal.SendAsync(
            new ListInquiries.Query(new ListInquiries.Filter { Text = weaker.Reference })
        );
        var byNewest = await portal.SendAsync(
            new ListInquiries.Query(new ListInquiries.Filter { Text = word, Sort = InquirySort.Newest })
        );

        Assert.Equal(3, found.TotalCount);
        Assert.Equal(3, found.CountAllStages);
        Assert.Equal(better.Id, found.Rows[0].Id);
        Assert.Equal(weaker.Id, found.Rows[^1].Id);
        Assert.Equal([weaker.Id], byReference.Rows.Select(r => r.Id));
        Assert.Equal([contact.Id, better.Id, weaker.Id], byNewest.Rows.Select(r => r.Id));
    }

    private Task<ListInquiries.Result> SearchInquiriesAsync(
        string text,
        Domain.Membership.InquiryStage? stage = null
    ) => portal.SendAsync(new ListInquiries.Query(new ListInquiries.Filter { Text = text, Stage = stage }));

    private Task<Dictionary<Domain.Membership.InquiryStage, int>> RecountInquiriesAsync(string word) =>
        portal.WithDbAsync(db =>
            db.MembershipInquiries.Where(i =>
                    EF.Functions.Like(i.OrganizationName, $"%{word}%")
                    || EF.Functions.Like(i.ContactName, $"%{word}%")
                    || EF.Functions.Like(i.Email, $"%{word}%")
                    || EF.Functions.Like(i.Reference, $"%{word}%")
                )
                .GroupBy(i => i.Stage)
                .ToDictionaryAsync(g => g.Key, g => g.Count())
        );

    [Fact]
    public async Task The_pipelines_counts_for_a_search_equal_a_plain_recount_after_a_stage_changes()
    {
        var word = TestData.DistinctWord();
        var moved = await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = $"{word} Council" });
        await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = $"Greater {word} Area" });
        await portal.MembershipInquiryAsync(change: c => c with { ContactName = $"Ana {word}" });
        await SearchInquiriesAsync(word);

        await portal.MoveInquiryAlongAsync(moved.Id, Domain.Membership.InquiryStage.Contacted);

        var found = await SearchInquiriesAsync(word);
        var contacted = await SearchInquiriesAsync(word, Domain.Membership.InquiryStage.Contacted);
        var recount = await RecountInquiriesAsync(word);
        Assert.True(found.StagesCounted);
        Assert.All(found.CountsByStage, c => Assert.Equal(recount.GetValueOrDefault(c.Key), c.Value));
        Assert.Equal(recount.Values.Sum(), found.TotalCount);
        Assert.Equal(recount[Domain.Membership.InquiryStage.Contacted], contacted.TotalCount);
        Assert.Equal([moved.Id], contacted.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_search_matching_more_inquiries_than_are_ranked_keeps_exact_totals_without_stage_counts()
    {
        var word = TestData.DistinctWord();
        var moved = await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = $"{word} Council" });
        await portal.MoveInquiryAlongAsync(moved.Id, Domain.Membership.InquiryStage.Contacted);
        await portal.WithDbAsync(db =>
        {
            var start = DateTime.UtcNow.AddDays(-30);
            db.MembershipInquiries.AddRange(
                Enumerable
                    .Range(0, TextSearch.RankedLimit)
                    .Select(n => new Domain.Membership.MembershipInquiry(
                        $"M{word}{n:D5}",
                        $"{word}-{n}",
                        new Domain.Membership.InquiryApplicant(
                            $"Municipality {n} of {word}",
                            "MY",
                            Domain.Organizations.OrganizationKind.LocalGovernment,
                            null,
                            "Lee Kai Yet",
                            null,
                            $"office{n}@example.org",
                            null,
                            "en",
                            Domain.Membership.MembershipInterest.CapacityBuilding,
                            null,
                            null,
                            null,
                            null,
                            true
                        ),
                        start.AddMinutes(n)
                    ))
            );
            return db.SaveChangesAsync();
        });

        var found = await SearchInquiriesAsync(word);
        var contacted = await SearchInquiriesAsync(word, Domain.Membership.InquiryStage.Contacted);
        var fresh = await SearchInquiriesAsync(word, Domain.Membership.InquiryStage.New);
        var recount = await RecountInquiriesAsync(word);

        Assert.False(found.StagesCounted);
        Assert.Equal(TextSearch.RankedLimit + 1, recount.Values.Sum());
        Assert.Equal(recount.Values.Sum(), found.TotalCount);
        Assert.Equal(found.PageSize, found.Rows.Count);
        Assert.Equal(recount[Domain.Membership.InquiryStage.Contacted], contacted.TotalCount);
        Assert.Equal([moved.Id], contacted.Rows.Select(r => r.Id));
        Assert.Equal(recount[Domain.Membership.InquiryStage.New], fresh.TotalCount);
    }

    [Fact]
    public async Task The_unfiltered_totals_equal_a_plain_recount_after_writes()
    {
        await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter()));
        await portal.SendAsync(new ListInquiries.Query(new ListInquiries.Filter()));

        await VisitAsync(TestData.DistinctCouncil());
        var inquiry = await portal.MembershipInquiryAsync();
        await portal.MoveInquiryAlongAsync(inquiry.Id, Domain.Membership.InquiryStage.Contacted);

        var visits = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter()));
        var inquiries = await portal.SendAsync(new ListInquiries.Query(new ListInquiries.Filter()));
        var (visitCount, byStage) = await portal.WithDbAsync(async db =>
            (
                await db.Visits.CountAsync(),
                await db.MembershipInquiries.GroupBy(i => i.Stage).ToDictionaryAsync(g => g.Key, g => g.Count())
            )
        );

        Assert.Equal(visitCount, visits.TotalCount);
        Assert.All(inquiries.CountsByStage, c => Assert.Equal(byStage.GetValueOrDefault(c.Key), c.Value));
        Assert.Equal(byStage.Values.Sum(), inquiries.TotalCount);
    }
}
