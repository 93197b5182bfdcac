using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The Executive Committee's decisions through the real pipeline: each one changes the agenda, the
/// application, the member registry and the applicant's mail together, or, refused or interrupted, none of
/// them.</summary>
public sealed class CommitteeDecisionTests(CommitteeDecisionTests.FaultyPortal portal)
    : IClassFixture<CommitteeDecisionTests.FaultyPortal>
{
    private static readonly DateOnly CommitteeDay = new(2025, 6, 12);

    /// <summary>A portal whose next save fails, when armed, just before it would write the mail: the fault between
    /// changing the registry and telling the applicant.</summary>
    public sealed class FaultyPortal : SaveFaultPortal<OutboxMessage>;

    private Task<int> AcceptedAsync(string language = "es", OrganizationKind kind = OrganizationKind.LocalGovernment) =>
        portal.AcceptedApplicationAsync(language, kind, new DateOnly(2024, 11, 18));

    private async Task<int> MeetingWithAsync(params int[] applicationIds)
    {
        var meetingId = (
            await portal.SendAsync(
                new ScheduleCommitteeMeeting.Command
                {
                    HeldOn = CommitteeDay,
                    Place = "Seoul",
                    MembersPresent = "The Chair and eight members",
                }
            )
        ).Value;
        foreach (var applicationId in applicationIds)
        {
            var version = (await portal.SendAsync(new GetCommitteeMeeting.Query(meetingId)))!.Version;
            await portal.SendAsync(new PutOnCommitteeAgenda.Command(meetingId, version, applicationId));
        }

        return meetingId;
    }

    private async Task DecideAsync(int meetingId, int applicationId, CommitteeDecision decision, string resolution) =>
        await portal.SendAsync(
            new RecordCommitteeDecision.Command
            {
                MeetingId = meetingId,
                Version = (await portal.SendAsync(new GetCommitteeMeeting.Query(meetingId)))!.Version,
                ApplicationId = applicationId,
                Decision = decision,
                Resolution = resolution,
            }
        );

    private Task<Member> MemberOfAsync(int applicationId) =>
        portal.WithDbAsync(db =>
            db.Members.Include(m => m.Changes)
                .SingleAsync(m =>
                    db.MembershipApplications.Any(a => a.Id == applicationId && a.OrganizationId == m.OrganizationId)
                )
        );

    [Fact]
    public async Task The_Committee_approves_an_Associate_city_as_a_Full_member_and_the_city_is_told_in_Spanish()
    {
        var applicationId = await AcceptedAsync("es");
        var meetingId = await MeetingWithAsync(applicationId);

        await DecideAsync(
            meetingId,
            applicationId,
            CommitteeDecision.Approved,
            "Se aprueba como miembro de pleno derecho."
        );

        var member = await MemberOfAsync(applicationId);
        Assert.Equal((MembershipCategory.Full, MemberStatus.Active), (member.Category, member.Status));
        Assert.Equal(
            [MembershipCategory.Associate, MembershipCategory.Full],
            member.Changes.OrderBy(c => c.On).Select(c => c.Category)
        );
        Assert.Equal(CommitteeDay, member.Changes.Max(c => c.On));
        var application = (await portal.SendAsync(new GetApplication.Query(applicationId)))!;
        Assert.Equal(ApplicationState.Approved, application.State);
        var item = Assert.Single((await portal.SendAsync(new GetCommitteeMeeting.Query(meetingId)))!.Items);
        Assert.Equal(
            (CommitteeDecision.Approved, "Se aprueba como miembro de pleno derecho."),
            (item.Decision!.Value, item.Resolution!)
        );
        var mail = await portal.WithDbAsync(db =>
            db.OutboxMessages.SingleAsync(m =>
                m.Subject.Contains(application.Reference) && m.Subject.Contains("pleno derecho")
            )
        );
        Assert.Contains("12 de junio de 2025", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Se aprueba como miembro de pleno derecho.", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_approved_by_the_Committee_joins_the_registry_as_a_Corporate_member()
    {
        var applicationId = await AcceptedAsync("en", OrganizationKind.SolutionProvider);
        var meetingId = await MeetingWithAsync(applicationId);

        await DecideAsync(meetingId, applicationId, CommitteeDecision.Approved, "Admitted as a Corporate member.");

        var member = await MemberOfAsync(applicationId);
        Assert.Equal((MembershipCategory.Corporate, CommitteeDay), (member.Category, member.MemberSince));
        // A company from Malaysia is looked after by the Secretariat, which covers Asia and the Pacific.
        Assert.Equal(
            await portal.WithDbAsync(db =>
                db.RegionalOffices.Where(o => o.IsSecretariat).Select(o => o.Id).SingleAsync()
            ),
            member.RegionalOfficeId
        );
    }

    [Fact]
    public async Task A_deferred_application_stays_for_the_next_meeting_and_changes_no_membership()
    {
        var applicationId = await AcceptedAsync("ko");
        var meetingId = await MeetingWithAsync(applicationId);

        await DecideAsync(
            meetingId,
            applicationId,
            CommitteeDecision.Deferred,
            "Deferred until the city's fees are settled."
        );

        Assert.Equal(MembershipCategory.Associate, (await MemberOfAsync(applicationId)).Category);
        Assert.Equal(
            ApplicationState.Accepted,
            (await portal.SendAsync(new GetApplication.Query(applicationId)))!.State
        );
        var next = await MeetingWithAsync();
        Assert.Contains((await portal.SendAsync(new GetCommitteeMeeting.Query(next)))!.Pending, p =>
            p.ApplicationId == applicationId
        );
    }

    [Fact]
    public async Task A_withdrawn_member_cannot_be_approved_and_the_refusal_changes_nothing()
    {
        var applicationId = await AcceptedAsync("en");
        var meetingId = await MeetingWithAsync(applicationId);
        await portal.WithDbAsync(async db =>
        {
            var member = await db
                .Members.Include(m => m.Changes)
                .SingleAsync(m =>
                    db.MembershipApplications.Any(a => a.Id == applicationId && a.OrganizationId == m.OrganizationId)
                );
            member.Withdraw(new DateOnly(2025, 3, 1), "The council withdrew by letter");
            await db.SaveChangesAsync();
            return true;
        });
        var mailsBefore = await portal.WithDbAsync(db => db.OutboxMessages.CountAsync());

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            DecideAsync(meetingId, applicationId, CommitteeDecision.Approved, "Approved.")
        );

        Assert.Equal("Member.NotActive", refused.Code);
        Assert.Null(Assert.Single((await portal.SendAsync(new GetCommitteeMeeting.Query(meetingId)))!.Items).Decision);
        Assert.Equal(
            ApplicationState.Accepted,
            (await portal.SendAsync(new GetApplication.Query(applicationId)))!.State
        );
        Assert.Equal(mailsBefore, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_fault_between_the_registry_and_the_mail_leaves_neither_and_the_decision_can_be_recorded_again()
    {
        var applicationId = await AcceptedAsync("en");
        var meetingId = await MeetingWithAsync(applicationId);
        var mailsBefore = await portal.WithDbAsync(db => db.OutboxMessages.CountAsync());

        portal.Fault.Armed = true;
        try
        {
            await Assert.ThrowsAsync<IOException>(() =>
                DecideAsync(meetingId, applicationId, CommitteeDecision.Approved, "Approved as a Full member.")
            );
        }
        finally
        {
            portal.Fault.Armed = false;
        }

        Assert.Equal(MembershipCategory.Associate, (await MemberOfAsync(applicationId)).Category);
        Assert.Null(Assert.Single((await portal.SendAsync(new GetCommitteeMeeting.Query(meetingId)))!.Items).Decision);
        Assert.Equal(mailsBefore, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));

        await DecideAsync(meetingId, applicationId, CommitteeDecision.Approved, "Approved as a Full member.");
        Assert.Equal(MembershipCategory.Full, (await MemberOfAsync(applicationId)).Category);
        Assert.Equal(mailsBefore + 1, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
