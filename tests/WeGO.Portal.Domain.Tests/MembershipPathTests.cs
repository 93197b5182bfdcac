using System.Reflection;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Tests;

/// <summary>WeGO's path from a signed application to membership, per category: the Secretariat accepts a city as an
/// Associate member, the Executive Committee makes it a Full member and admits Friendship and Corporate members.
/// The dates are Seremban's (scenario.md): the visit on 7 October 2024, then its application.</summary>
public sealed class MembershipPathTests
{
    private static readonly DateTime Received = new(2024, 11, 4, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly AcceptedOn = new(2024, 11, 18);
    private static readonly DateOnly CommitteeDay = new(2025, 6, 12);
    private static readonly DateTime Now = new(2025, 6, 12, 9, 0, 0, DateTimeKind.Utc);

    private static int nextId;

    private static string Code(Action action) => Assert.Throws<DomainException>(action).Code;

    /// <summary>An id as the database would give it, so the agenda can tell applications apart.</summary>
    private static T Saved<T>(T entity)
        where T : Entity
    {
        typeof(Entity)
            .GetProperty(nameof(Entity.Id), BindingFlags.Public | BindingFlags.Instance)!
            .SetValue(entity, Interlocked.Increment(ref nextId));
        return entity;
    }

    private static MembershipApplication ApplicationOf(OrganizationKind kind) =>
        Saved(
            new MembershipApplication("WGO-2024-7K3M9Q", organizationId: 7, kind, inquiryId: 3, Contact, null, Received)
        );

    private static readonly ApplicationContact Contact = new("Lee Kai Yet", "official@example.org", "es");

    private static MembershipApplication SignedForm(MembershipApplication application)
    {
        application.AddDocument(
            "C:\\scans\\Formulario firmado.pdf",
            DocumentType.Pdf,
            250_000,
            "a1b2c3",
            true,
            Received
        );
        return application;
    }

    private static MembershipApplication Accepted(OrganizationKind kind = OrganizationKind.LocalGovernment)
    {
        var application = SignedForm(ApplicationOf(kind));
        application.Check(isSigned: true, signatoryIsAuthorised: true, contactConfirmed: true);
        application.Accept(AcceptedOn, Received.AddDays(14));
        return application;
    }

    [Theory]
    [InlineData(OrganizationKind.LocalGovernment, MembershipCategory.Full)]
    [InlineData(OrganizationKind.SolutionProvider, MembershipCategory.Corporate)]
    [InlineData(OrganizationKind.Institution, MembershipCategory.Friendship)]
    [InlineData(OrganizationKind.Other, MembershipCategory.Friendship)]
    public void An_application_leads_to_the_category_its_kind_of_organisation_may_hold(
        OrganizationKind kind,
        MembershipCategory category
    )
    {
        var application = ApplicationOf(kind);

        Assert.Equal(category, application.Category);
        Assert.True(MembershipCategories.IsOpenTo(category, kind));
        Assert.Equal(ApplicationState.Received, application.State);
    }

    [Fact]
    public void The_Secretariat_accepts_only_a_signed_form_whose_checklist_is_complete()
    {
        var application = ApplicationOf(OrganizationKind.LocalGovernment);
        application.Check(true, true, true);
        Assert.False(application.CanAccept);
        Assert.Equal("Application.NoDocument", Code(() => application.Accept(AcceptedOn, Now)));

        SignedForm(application);
        application.Check(isSigned: true, signatoryIsAuthorised: false, contactConfirmed: true);
        Assert.False(application.CanAccept);
        Assert.Equal("Application.ChecklistIncomplete", Code(() => application.Accept(AcceptedOn, Now)));

        application.Check(true, true, true);
        Assert.True(application.CanAccept);
        application.Accept(AcceptedOn, Now);

        Assert.Equal(ApplicationState.Accepted, application.State);
        Assert.Equal(AcceptedOn, application.AcceptedOn);
        Assert.True(application.AwaitsCommittee);
        Assert.Equal("Application.NotAwaitingCheck", Code(() => application.Accept(AcceptedOn, Now)));
        Assert.Equal("Application.NotAwaitingCheck", Code(() => application.Check(true, true, true)));
        Assert.Equal("Application.ClosedToDocuments", Code(() => SignedForm(application)));
    }

    [Fact]
    public void A_returned_application_tells_why_and_is_checked_afresh_when_the_applicant_sends_a_new_form()
    {
        var application = SignedForm(ApplicationOf(OrganizationKind.LocalGovernment));
        application.Check(true, true, true);
        Assert.Equal("Application.ReturnReasonRequired", Code(() => application.Return("  ", Now)));

        application.Return("The form is not signed by the Mayor or an authorised representative.", Now);
        Assert.Equal(ApplicationState.Returned, application.State);
        Assert.StartsWith("The form is not signed", application.ReturnReason, StringComparison.Ordinal);
        Assert.Equal("Application.NotAwaitingCheck", Code(() => application.Accept(AcceptedOn, Now)));

        application.AddDocument("signed-again.pdf", DocumentType.Pdf, 300_000, "d4e5f6", true, Now);

        Assert.Equal(ApplicationState.Received, application.State);
        Assert.Null(application.ReturnReason);
        Assert.False(application.IsChecked);
        Assert.Equal(["Formulario firmado.pdf", "signed-again.pdf"], application.Documents.Select(d => d.FileName));
    }

    [Fact]
    public void An_application_can_be_withdrawn_until_the_Executive_Committee_decides()
    {
        var received = ApplicationOf(OrganizationKind.LocalGovernment);
        var returned = SignedForm(ApplicationOf(OrganizationKind.LocalGovernment));
        returned.Return("Missing letter", Now);
        var accepted = Accepted();
        var approved = Accepted();
        approved.Decide(CommitteeDecision.Approved, CommitteeDay, Now);

        foreach (var application in new[] { received, returned, accepted })
        {
            Assert.True(application.CanWithdraw);
            application.Withdraw(Now);
            Assert.Equal(ApplicationState.Withdrawn, application.State);
        }

        Assert.Equal("Application.CannotWithdraw", Code(() => approved.Withdraw(Now)));
        Assert.Equal("Application.CannotWithdraw", Code(() => received.Withdraw(Now)));
    }

    [Fact]
    public void The_Committee_approves_defers_or_declines_only_an_accepted_application()
    {
        Assert.Equal(
            "Application.NotAwaitingCommittee",
            Code(() =>
                ApplicationOf(OrganizationKind.LocalGovernment).Decide(CommitteeDecision.Approved, CommitteeDay, Now)
            )
        );

        var deferred = Accepted();
        deferred.Decide(CommitteeDecision.Deferred, CommitteeDay, Now);
        Assert.Equal(ApplicationState.Accepted, deferred.State);
        Assert.True(deferred.AwaitsCommittee);

        var declined = Accepted(OrganizationKind.SolutionProvider);
        declined.Decide(CommitteeDecision.Declined, CommitteeDay, Now);
        Assert.Equal(ApplicationState.Declined, declined.State);
        Assert.Equal(
            "Application.NotAwaitingCommittee",
            Code(() => declined.Decide(CommitteeDecision.Approved, CommitteeDay, Now))
        );

        deferred.Decide(CommitteeDecision.Approved, CommitteeDay.AddYears(1), Now.AddYears(1));
        Assert.Equal(ApplicationState.Approved, deferred.State);
        Assert.Equal(CommitteeDay.AddYears(1), deferred.DecidedOn);
    }

    [Fact]
    public void A_city_is_an_Associate_member_from_its_acceptance_and_a_Full_member_from_the_Committees_approval()
    {
        var seremban = Member.AssociateOf(7, OrganizationKind.LocalGovernment, 1, AcceptedOn, "Application accepted");
        Assert.Equal(MembershipCategory.Associate, seremban.Category);
        Assert.True(seremban.CanBecomeFull);

        seremban.BecomeFull(CommitteeDay, "Executive Committee 2025, item 1");

        Assert.Equal(MembershipCategory.Full, seremban.Category);
        Assert.Equal(AcceptedOn, seremban.MemberSince);
        Assert.Equal(
            [
                (AcceptedOn, MembershipCategory.Associate, "Application accepted"),
                (CommitteeDay, MembershipCategory.Full, "Executive Committee 2025, item 1"),
            ],
            seremban.Changes.Select(c => (c.On, c.Category, c.Cause))
        );
        Assert.Equal("Member.OnlyAssociateBecomesFull", Code(() => seremban.BecomeFull(CommitteeDay, "again")));
    }

    [Theory]
    [InlineData(OrganizationKind.SolutionProvider)]
    [InlineData(OrganizationKind.Institution)]
    [InlineData(OrganizationKind.Other)]
    public void Only_a_city_can_be_an_Associate_or_Full_member(OrganizationKind kind)
    {
        Assert.Equal(
            "Member.CategoryNotForKind",
            Code(() => Member.AssociateOf(7, kind, null, AcceptedOn, "Application accepted"))
        );
        Assert.False(MembershipCategories.IsOpenTo(MembershipCategory.Full, kind));
    }

    [Fact]
    public void A_company_is_a_Corporate_member_and_can_never_become_a_Full_member()
    {
        var company = Member.AdmittedByCommittee(
            9,
            OrganizationKind.SolutionProvider,
            MembershipCategory.Corporate,
            null,
            CommitteeDay,
            "Executive Committee 2025, item 2"
        );

        Assert.False(company.CanBecomeFull);
        Assert.Equal("Member.OnlyAssociateBecomesFull", Code(() => company.BecomeFull(CommitteeDay, "item 3")));
        Assert.Equal(
            "Member.CategoryNotForKind",
            Code(() =>
                Member.AdmittedByCommittee(
                    9,
                    OrganizationKind.SolutionProvider,
                    MembershipCategory.Friendship,
                    null,
                    CommitteeDay,
                    "item 2"
                )
            )
        );
    }

    [Fact]
    public void A_Friendship_member_is_admitted_by_the_Committee_and_a_city_never_skips_Associate()
    {
        var association = Member.AdmittedByCommittee(
            11,
            OrganizationKind.Institution,
            MembershipCategory.Friendship,
            null,
            CommitteeDay,
            "Executive Committee 2025, item 4"
        );
        Assert.Equal(MembershipCategory.Friendship, association.Category);
        Assert.False(association.CanBecomeFull);

        Assert.Equal(
            "Member.CityJoinsAsAssociate",
            Code(() =>
                Member.AdmittedByCommittee(
                    7,
                    OrganizationKind.LocalGovernment,
                    MembershipCategory.Full,
                    null,
                    CommitteeDay,
                    "item 5"
                )
            )
        );
    }

    [Fact]
    public void A_withdrawn_or_suspended_member_cannot_be_approved_and_statuses_move_only_where_they_may()
    {
        var member = Member.AssociateOf(7, OrganizationKind.LocalGovernment, null, AcceptedOn, "Application accepted");
        Assert.Equal("Member.NotSuspended", Code(() => member.Reinstate(CommitteeDay, "Board")));
        Assert.Equal("Member.ReasonRequired", Code(() => member.Suspend(CommitteeDay, "")));

        member.Suspend(AcceptedOn.AddMonths(2), "Fees unpaid");
        Assert.Equal("Member.NotActive", Code(() => member.BecomeFull(CommitteeDay, "item 1")));
        Assert.Equal("Member.NotActive", Code(() => member.Suspend(CommitteeDay, "again")));
        member.Reinstate(AcceptedOn.AddMonths(3), "Fees paid");
        Assert.Equal(MemberStatus.Active, member.Status);

        member.Withdraw(AcceptedOn.AddMonths(4), "The council withdrew by letter");
        Assert.Equal(MemberStatus.Withdrawn, member.Status);
        Assert.Equal("Member.NotActive", Code(() => member.BecomeFull(CommitteeDay, "item 1")));
        Assert.Equal("Member.AlreadyWithdrawn", Code(() => member.Withdraw(CommitteeDay, "again")));
        Assert.Equal(
            [MemberStatus.Active, MemberStatus.Suspended, MemberStatus.Active, MemberStatus.Withdrawn],
            member.Changes.Select(c => c.Status)
        );
        Assert.Equal("The council withdrew by letter", member.Changes[^1].Reason);
    }

    [Fact]
    public void A_change_cannot_be_dated_before_the_members_last_one()
    {
        var member = Member.AssociateOf(7, OrganizationKind.LocalGovernment, null, AcceptedOn, "Application accepted");

        Assert.Equal("Member.ChangeBeforeLast", Code(() => member.BecomeFull(AcceptedOn.AddDays(-1), "item 1")));
        Assert.Equal(MembershipCategory.Associate, member.Category);
    }

    [Fact]
    public void The_Committee_puts_accepted_applications_on_its_agenda_and_decides_them_once_it_has_met()
    {
        Assert.Equal("Committee.PlaceRequired", Code(() => _ = new CommitteeMeeting(CommitteeDay, null, false, null)));
        var meeting = new CommitteeMeeting(CommitteeDay, "Seoul", isOnline: false, "Chair and eight members");
        var city = Accepted();
        var company = Accepted(OrganizationKind.SolutionProvider);
        var association = Accepted(OrganizationKind.Institution);

        meeting.Put(city);
        meeting.Put(company);
        meeting.Put(association);

        Assert.Equal(
            [(AgendaQuestion.AssociateToFull, 1), (AgendaQuestion.Corporate, 2), (AgendaQuestion.Friendship, 3)],
            meeting.Items.Select(i => (i.Question, i.Order))
        );
        Assert.Equal("Committee.AlreadyOnAgenda", Code(() => meeting.Put(city)));
        Assert.Equal(
            "Committee.MeetsBeforeAcceptance",
            Code(() => new CommitteeMeeting(AcceptedOn.AddDays(-1), null, true, null).Put(Accepted()))
        );
        Assert.Equal(
            "Application.NotAwaitingCommittee",
            Code(() => meeting.Put(ApplicationOf(OrganizationKind.LocalGovernment)))
        );
        Assert.Equal(
            "Committee.NotYetHeld",
            Code(() => meeting.Decide(city, CommitteeDecision.Approved, "Approved", CommitteeDay.AddDays(-1), Now))
        );

        meeting.Decide(
            city,
            CommitteeDecision.Approved,
            "Seremban City Council is approved as a Full member.",
            CommitteeDay,
            Now
        );

        Assert.Equal(ApplicationState.Approved, city.State);
        Assert.Equal(CommitteeDay, city.DecidedOn);
        Assert.Equal(CommitteeDecision.Approved, meeting.Items[0].Decision);
        Assert.Equal(
            "Committee.ResolutionRequired",
            Code(() => meeting.Decide(company, CommitteeDecision.Declined, " ", CommitteeDay, Now))
        );
        Assert.Equal(ApplicationState.Accepted, company.State);
        Assert.Equal(
            "Committee.AlreadyDecided",
            Code(() => meeting.Decide(city, CommitteeDecision.Declined, "Declined", CommitteeDay, Now))
        );
        Assert.Equal(
            "Committee.NotOnAgenda",
            Code(() => meeting.Decide(Accepted(), CommitteeDecision.Approved, "Approved", CommitteeDay, Now))
        );
    }

    [Fact]
    public void A_document_is_what_its_first_bytes_prove_whatever_its_name_says()
    {
        Assert.Equal(DocumentType.Pdf, ApplicationDocument.Detect("%PDF-1.7\n"u8));
        Assert.Equal(DocumentType.Png, ApplicationDocument.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal(DocumentType.Jpeg, ApplicationDocument.Detect([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Null(ApplicationDocument.Detect("MZ\u0090\0"u8));
        Assert.Null(ApplicationDocument.Detect("<html><script>"u8));
        Assert.Null(ApplicationDocument.Detect([]));
    }

    [Fact]
    public void An_empty_or_oversized_file_is_refused_and_a_path_in_the_name_is_dropped()
    {
        var application = ApplicationOf(OrganizationKind.LocalGovernment);

        Assert.Equal(
            "Document.Empty",
            Code(() => application.AddDocument("form.pdf", DocumentType.Pdf, 0, "k1", true, Now))
        );
        Assert.Equal(
            "Document.TooLarge",
            Code(() =>
                application.AddDocument("form.pdf", DocumentType.Pdf, ApplicationDocument.MaxBytes + 1, "k2", true, Now)
            )
        );
        Assert.Empty(application.Documents);

        var document = application.AddDocument("../../etc/form.pdf", DocumentType.Pdf, 10, "k3", false, Now);
        Assert.Equal("form.pdf", document.FileName);
        Assert.Equal("application/pdf", document.ContentType);
    }

    [Fact]
    public void An_application_follows_its_inquirys_status_link_or_has_its_own_never_both()
    {
        var direct = new MembershipApplication(
            "WGO-2024-7K3M9Q",
            7,
            OrganizationKind.LocalGovernment,
            null,
            Contact,
            "ab12",
            Received
        );
        Assert.Equal("ab12", direct.StatusTokenHash);

        Assert.Equal(
            "Application.OneStatusLink",
            Code(() =>
                _ = new MembershipApplication(
                    "WGO-2024-7K3M9Q",
                    7,
                    OrganizationKind.LocalGovernment,
                    3,
                    Contact,
                    "ab12",
                    Received
                )
            )
        );
        Assert.Equal(
            "Application.OneStatusLink",
            Code(() =>
                _ = new MembershipApplication(
                    "WGO-2024-7K3M9Q",
                    7,
                    OrganizationKind.LocalGovernment,
                    null,
                    Contact,
                    null,
                    Received
                )
            )
        );
    }
}
