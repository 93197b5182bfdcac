using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The visits list as it opens (no filter, newest first) keeps its first pages in the read cache until a
/// visit or an organisation changes: after every kind of write a row shows, the pages equal a plain recount of the
/// rows, written here in C# over what the database holds.</summary>
public sealed class VisitsListKeptPagesTests : IDisposable
{
    private const int PageSize = 2;

    private readonly PortalFactory portal = new PortalFactory().Start();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_first_pages_equal_a_recount_after_each_write_a_row_shows()
    {
        var quito = await portal.ScheduleVisitAsync(c => c with { OrganizationName = "Quito", CountryCode = "EC" });
        await AssertRecountedAsync("a visit scheduled");
        var bogota = await portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = "Bogotá",
                CountryCode = "CO",
                Date = c.Date!.Value.AddDays(3),
            }
        );
        await portal.ScheduleVisitAsync(c => c with { Date = c.Date!.Value.AddDays(-5) });
        await AssertRecountedAsync("two more visits, one on each page");

        await portal.SendAsync(new ConfirmVisit.Command(quito, await VersionAsync(quito)));
        await AssertRecountedAsync("a visit confirmed");
        await portal.SendAsync(
            new AddDelegate.Command
            {
                VisitId = bogota,
                Version = await VersionAsync(bogota),
                FullName = "Ana María Ruiz",
                Title = "Deputy Mayor",
                Role = DelegationRole.HeadOfDelegation,
            }
        );
        await AssertRecountedAsync("a delegate added: the headcount and the head of delegation");
        await portal.WithDbAsync(async db =>
        {
            var visit = await db.Visits.Include(v => v.Hosts).SingleAsync(v => v.Id == quito);
            visit.ReplaceHosts([("Director of Partnerships", null, null), ("Secretary General", null, null)]);
            return await db.SaveChangesAsync();
        });
        await AssertRecountedAsync("the hosts replaced");
        await portal.WithDbAsync(async db =>
        {
            var organizationId = await db.Visits.Where(v => v.Id == bogota).Select(v => v.OrganizationId).SingleAsync();
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
            organization.Rename("Bogotá D.C.", organization.LocalName);
            return await db.SaveChangesAsync();
        });
        await AssertRecountedAsync("the organisation renamed");
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = quito,
                Version = await VersionAsync(quito),
                Reason = "Flights cancelled",
            }
        );
        await AssertRecountedAsync("a visit cancelled");
    }

    [Fact]
    public async Task A_page_is_kept_until_a_change_is_committed_through_the_portal()
    {
        var visitId = await portal.ScheduleVisitAsync(c => c with { OrganizationName = "Chengdu", CountryCode = "CN" });
        Assert.Equal("Chengdu", (await FirstPageAsync()).Rows.Single(r => r.Id == visitId).Organization);

        // Written around the portal (no use case, no audit trail): the kept page does not know, which shows it is
        // kept; the next committed change to a visit replaces it.
        await portal.WithDbAsync(db =>
            db.Organizations.Where(o => o.Name == "Chengdu").ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "成都"))
        );
        Assert.Equal("Chengdu", (await FirstPageAsync()).Rows.Single(r => r.Id == visitId).Organization);

        await portal.SendAsync(new ConfirmVisit.Command(visitId, await VersionAsync(visitId)));
        Assert.Equal("成都", (await FirstPageAsync()).Rows.Single(r => r.Id == visitId).Organization);
    }

    private Task<ListVisits.Result> FirstPageAsync() =>
        portal.SendAsync(new ListVisits.Query(new ListVisits.Filter(), 1, PageSize));

    private async Task AssertRecountedAsync(string after)
    {
        var shown = new List<string>();
        for (int page = 1, pages = 1; page <= Math.Min(2, pages); page++)
        {
            var result = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter(), page, PageSize));
            pages = result.PageCount;
            shown.AddRange(
                result.Rows.Select(r => Line(r.Id, r.Organization, r.Status, r.Headcount, r.HeadOfDelegation, r.Hosts))
            );
        }

        var recounted = await portal.WithDbAsync(async db =>
            (
                await db
                    .Visits.AsNoTracking()
                    .Include(v => v.Organization)
                    .Include(v => v.Hosts)
                    .Include(v => v.Delegation.Members)
                    .ToListAsync()
            )
                .OrderByDescending(v => v.StartsAtUtc)
                .ThenByDescending(v => v.Id)
                .Take(2 * PageSize)
                .Select(v =>
                    Line(
                        v.Id,
                        v.Organization.Name,
                        v.Status,
                        v.Delegation.Headcount,
                        v.Delegation.HeadOfDelegation,
                        [.. v.Hosts.OrderBy(h => h.Order).Select(h => h.Name)]
                    )
                )
                .ToList()
        );
        Assert.True(
            recounted.SequenceEqual(shown),
            $"After {after}:\n{string.Join('\n', shown)}\nrecounted:\n{string.Join('\n', recounted)}"
        );
    }

    private static string Line(
        int id,
        string organization,
        VisitStatus status,
        int headcount,
        string? head,
        IReadOnlyList<string> hosts
    ) => $"{id} {organization} {status} {headcount} {head} [{string.Join(", ", hosts)}]";

    private Task<int> VersionAsync(int visitId) =>
        portal.WithDbAsync(db => db.Visits.Where(v => v.Id == visitId).Select(v => v.Version).SingleAsync());
}
