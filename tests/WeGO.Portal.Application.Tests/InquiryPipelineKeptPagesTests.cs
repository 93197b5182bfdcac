using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The inquiry pipeline as it opens, and each stage's tab, keep their first pages in the read cache until an
/// inquiry, a regional office or a staff account changes: after every kind of write a row shows, the pages equal a
/// plain recount of the rows, written here in C# over what the database holds.</summary>
public sealed class InquiryPipelineKeptPagesTests : IDisposable
{
    private const int PageSize = 2;

    private readonly PortalFactory portal = new PortalFactory().Start();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_first_pages_of_the_pipeline_and_of_a_stage_equal_a_recount_after_each_write_a_row_shows()
    {
        var quito = await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = "Quito" });
        await AssertRecountedAsync("an inquiry submitted");
        await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = "Lima" });
        await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = "Cuenca" });
        await AssertRecountedAsync("two more, the first one on the second page");

        await portal.MoveInquiryAlongAsync(quito.Id, InquiryStage.Contacted);
        await AssertRecountedAsync("an inquiry moved to Contacted");

        var ownerAccount = TestData.Unique("owner").Replace(' ', '.') + "@we-gov.org";
        var owner = await portal.CreateStaffAsync(ownerAccount, "Colleague-Password-2024", Roles.SecretariatStaff);
        var office = (await portal.SendAsync(new AssignInquiry.ChoicesQuery())).Offices[0];
        await portal.SendAsync(
            new AssignInquiry.Command
            {
                InquiryId = quito.Id,
                Version = await VersionAsync(quito.Id),
                RegionalOfficeId = office.Id,
                OwnerUserId = owner,
            }
        );
        await AssertRecountedAsync("the inquiry given to an office and a colleague");

        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == owner)).DisplayName = "Mina Park";
            return await db.SaveChangesAsync();
        });
        await AssertRecountedAsync("the colleague's name changed");

        await portal.WithDbAsync(async db =>
        {
            var renamed = await db.RegionalOffices.SingleAsync(o => o.Id == office.Id);
            db.Entry(renamed).Property(o => o.Name).CurrentValue = "Regional Office, renamed";
            return await db.SaveChangesAsync();
        });
        await AssertRecountedAsync("the office renamed");
    }

    private async Task AssertRecountedAsync(string after)
    {
        foreach (var stage in new InquiryStage?[] { null, InquiryStage.New, InquiryStage.Contacted })
        {
            var shown = new List<string>();
            for (int page = 1, pages = 1; page <= Math.Min(2, pages); page++)
            {
                var result = await portal.SendAsync(
                    new ListInquiries.Query(new ListInquiries.Filter { Stage = stage }, page, PageSize)
                );
                pages = result.PageCount;
                shown.AddRange(
                    result.Rows.Select(r => Line(r.Id, r.OrganizationName, r.Stage, r.RegionalOffice, r.Owner))
                );
            }

            var recounted = await portal.WithDbAsync(async db =>
            {
                var offices = await db.RegionalOffices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
                var staff = await db
                    .Users.AsNoTracking()
                    .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.Email);
                return (await db.MembershipInquiries.AsNoTracking().ToListAsync())
                    .Where(i => stage is null || i.Stage == stage)
                    .OrderByDescending(i => i.SubmittedAtUtc)
                    .ThenByDescending(i => i.Id)
                    .Take(2 * PageSize)
                    .Select(i =>
                        Line(
                            i.Id,
                            i.OrganizationName,
                            i.Stage,
                            i.RegionalOfficeId is { } officeId ? offices[officeId] : null,
                            i.OwnerUserId is { } ownerId ? staff[ownerId] : null
                        )
                    )
                    .ToList();
            });
            Assert.True(
                recounted.SequenceEqual(shown),
                $"After {after} ({stage}):\n{string.Join('\n', shown)}\nrecounted:\n{string.Join('\n', recounted)}"
            );
        }
    }

    private static string Line(int id, string organization, InquiryStage stage, string? office, string? owner) =>
        $"{id} {organization} {stage} {office} {owner}";

    private Task<int> VersionAsync(int inquiryId) =>
        portal.WithDbAsync(db =>
            db.MembershipInquiries.Where(i => i.Id == inquiryId).Select(i => i.Version).SingleAsync()
        );
}
