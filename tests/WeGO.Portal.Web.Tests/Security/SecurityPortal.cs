using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>A portal with rows of its own for every page that opens a record (a visit that took place with its
/// delegate, agenda, follow-ups, approved report and published release; an inquiry; an application; a member; a
/// Committee meeting), one signed-in visitor per role and a colleague whose account the administrator pages can open;
/// one per test class.</summary>
public sealed class SecurityPortal : IAsyncLifetime
{
    private readonly Dictionary<string, Visitor> visitors = [];

    public PortalFactory Portal { get; } = new();

    /// <summary>The visit, completed: the sample for every {id} of a visit page and of /Reports/Start.</summary>
    public int VisitId { get; private set; }

    /// <summary>A delegate and an agenda item of <see cref="VisitId"/>, for the roster's and agenda's edit
    /// links.</summary>
    public int DelegateId { get; private set; }

    public int AgendaItemId { get; private set; }

    /// <summary>The organisation of <see cref="VisitId"/>, for the page of its names.</summary>
    public int OrganizationId { get; private set; }

    public int FollowUpId { get; private set; }

    public int ReportId { get; private set; }

    public int ReleaseId { get; private set; }

    public string ReleaseSlug { get; private set; } = "";

    public int InquiryId { get; private set; }

    public int ApplicationId { get; private set; }

    public int MemberId { get; private set; }

    public int MeetingId { get; private set; }

    public string VisitRequestReference { get; private set; } = "";

    /// <summary>A Secretariat colleague, the sample for /Staff/Edit/{id} and /Staff/Sessions/{id}.</summary>
    public string ColleagueId { get; private set; } = "";

    public Visitor this[string visitor] => visitors[visitor];

    public Visitor Administrator => visitors[Roles.Administrator];

    public async Task InitializeAsync()
    {
        // Every visitor posts to the delegation page's forms in several tests; its per-network limit is not under test.
        Portal.Settings["Portal:Delegations:RateLimit:PermitLimit"] = "100000";
        Portal.Start();
        await CreateSamplesAsync();
        ColleagueId = await Portal.CreateStaffAsync(
            $"colleague-{Guid.NewGuid():N}@security.tests.wego",
            Visitor.Password,
            Roles.SecretariatStaff
        );
        foreach (var visitor in AccessPolicy.Visitors)
        {
            visitors[visitor] =
                visitor == AccessPolicy.Anonymous
                    ? await Visitor.AnonymousAsync(Portal)
                    : await Visitor.SignedInAsync(Portal, visitor);
        }
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The address of <paramref name="endpoint"/> with sample route values: the fixture's own rows, the
    /// colleague.</summary>
    public string Address(PortalEndpoint endpoint, Func<string, string, string?>? instead = null) =>
        endpoint.Address((page, parameter) => instead?.Invoke(page, parameter) ?? Sample(page, parameter))
        + Query(endpoint);

    /// <summary>A visitor like <paramref name="visitor"/> whose session a request may end without spoiling the shared
    /// one.</summary>
    public async Task<Visitor> SignedInForOneRequestAsync(string visitor) =>
        visitor == AccessPolicy.Anonymous ? visitors[visitor] : await Visitor.SignedInAsync(Portal, visitor);

    public async Task<string> BootstrapAdministratorIdAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.FindByEmailAsync(PortalFactory.AdminEmail))!.Id;
    }

    /// <summary><paramref name="address"/> with {visit}, {delegate} and {agendaItem} replaced by the sample
    /// ids.</summary>
    public string Fill(string address) =>
        address
            .Replace("{visit}", Text(VisitId), StringComparison.Ordinal)
            .Replace("{delegate}", Text(DelegateId), StringComparison.Ordinal)
            .Replace("{agendaItem}", Text(AgendaItemId), StringComparison.Ordinal);

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string Sample(string page, string parameter) =>
        (page, parameter) switch
        {
            ("/Staff/Edit" or "/Staff/Sessions", "id") => ColleagueId,
            ("/FollowUps/Status", "id") => Text(FollowUpId),
            ("/Reports/Start", "id") => Text(VisitId),
            (_, "id") when page.StartsWith("/Visits/", StringComparison.Ordinal) => Text(VisitId),
            ("/Organizations/Names", "id") => Text(OrganizationId),
            (_, "id") when page.StartsWith("/Reports/", StringComparison.Ordinal) => Text(ReportId),
            (_, "id") when page.StartsWith("/News/", StringComparison.Ordinal) => Text(ReleaseId),
            (_, "id") when page.StartsWith("/Membership/Inquiries/", StringComparison.Ordinal) => Text(InquiryId),
            (_, "id") when page.StartsWith("/Membership/Applications/", StringComparison.Ordinal) => Text(
                ApplicationId
            ),
            (_, "id") when page.StartsWith("/Membership/Members/", StringComparison.Ordinal) => Text(MemberId),
            (_, "id") when page.StartsWith("/Membership/Committee/", StringComparison.Ordinal) => Text(MeetingId),
            (_, "reference") when page.StartsWith("/VisitRequests/", StringComparison.Ordinal) => VisitRequestReference,
            (_, "token") => "not-a-token",
            (_, "rest") => "Index",
            ("/Reports/Version", "number") => "1",
            ("/News/Release", "slug") => ReleaseSlug,
            _ => throw new InvalidOperationException(
                $"No sample value for {{{parameter}}} of {page}: add one to {nameof(SecurityPortal)}.{nameof(Sample)}."
            ),
        };

    /// <summary>The rows the sample ids name, made through the use cases as staff and applicants would.</summary>
    private async Task CreateSamplesAsync()
    {
        var city = TestData.Unique("Seremban City Council");
        VisitId = await Portal.SerembanVisitToReportAsync(c => c with { OrganizationName = city });
        DelegateId = (
            await Portal.SendAsync(
                new AddDelegate.Command
                {
                    VisitId = VisitId,
                    Version = (await Portal.SendAsync(new GetVisit.Query(VisitId)))!.Version,
                    FullName = "Lee Kai Yet",
                    Title = "Councillor",
                    Organization = city,
                    Role = DelegationRole.HeadOfDelegation,
                }
            )
        ).Value;
        AgendaItemId = await Portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == VisitId).SelectMany(v => v.Agenda).Select(i => i.Id).FirstAsync()
        );
        OrganizationId = await Portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == VisitId).Select(v => v.OrganizationId).SingleAsync()
        );
        FollowUpId = (await Portal.SerembanFollowUpsAsync(VisitId)).MemberCases;
        ReportId = await Portal.VisitReportAsync(VisitId);
        ReleaseId = await Portal.NewsReleaseAsync(ReportId, "en", publish: true);
        ReleaseSlug = TestData.SerembanReleaseSlug(city);
        InquiryId = (await Portal.MembershipInquiryAsync()).Id;
        ApplicationId = await Portal.AcceptedApplicationAsync();
        MemberId = await Portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.Id == ApplicationId)
                .Join(db.Members, a => a.OrganizationId, m => m.OrganizationId, (_, m) => m.Id)
                .SingleAsync()
        );
        VisitRequestReference = (await Portal.VisitRequestAsync()).Reference;
        MeetingId = (
            await Portal.SendAsync(
                new ScheduleCommitteeMeeting.Command { HeldOn = new DateOnly(2030, 3, 4), Place = "Seoul" }
            )
        ).Value;
    }

    /// <summary>Query strings some pages need to show what they are for.</summary>
    private static string Query(PortalEndpoint endpoint) =>
        endpoint.Page switch
        {
            "/Error" => (endpoint.Handler is null ? "?" : "&") + "code=404",
            _ => "",
        };
}
