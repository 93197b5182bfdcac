using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Home;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Who may use what, at both doors: each page and endpoint (<see cref="Table"/>) and each use case
/// (<see cref="UseCases"/>). Nothing appears here by itself: when a page, handler or use case is added, the access
/// tests fail naming it until a row here says who may use it; when one is removed, its row fails until
/// deleted.</summary>
public static class AccessPolicy
{
    public enum Access
    {
        /// <summary>Everyone, signed in or not.</summary>
        Anyone,

        /// <summary>Any signed-in user, whatever their roles.</summary>
        SignedIn,

        /// <summary>Administrators, Secretariat staff and program directors.</summary>
        ReadVisits,

        /// <summary>Administrators and Secretariat staff.</summary>
        EditVisits,

        /// <summary>Program directors and administrators: approve reports or send them back.</summary>
        ReviewReports,

        /// <summary>Administrators only.</summary>
        Administration,

        /// <summary>Background work only (a use case no visitor may send, whatever their roles).</summary>
        System,
    }

    public const string Anonymous = nameof(Anonymous);

    /// <summary>Background work, in a scope begun as the system: sends use cases, never visits pages.</summary>
    public const string System = nameof(System);

    /// <summary>Endpoints that end the caller's own session when allowed: tried with a visitor signed in for the
    /// purpose.</summary>
    public static readonly IReadOnlySet<string> EndTheSession = new HashSet<string>(StringComparer.Ordinal)
    {
        "POST /Account/SignOut",
        "POST /Account/Sessions?handler=EndAll",
        // Turning two factors off ends the person's other sessions (a new security stamp) and refreshes this one.
        "POST /Account/TwoFactor?handler=TurnOff",
    };

    /// <summary>Who the access matrix tries every endpoint as.</summary>
    public static readonly string[] Visitors =
    [
        Anonymous,
        Roles.SecretariatStaff,
        Roles.ProgramDirector,
        Roles.Administrator,
    ];

    /// <summary>One row per page handler ("GET /Visits/Details?handler=Ics") or other endpoint, keyed as
    /// <see cref="PortalEndpoint.Key"/> writes it.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Table = new Dictionary<string, Access>(
        StringComparer.Ordinal
    )
    {
        ["GET /Index"] = Access.Anyone,
        ["GET /Error"] = Access.Anyone,
        ["POST /Error"] = Access.Anyone,
        ["GET /Culture"] = Access.Anyone,
        ["POST /Culture"] = Access.Anyone,
        ["GET /Account/SignIn"] = Access.Anyone,
        ["POST /Account/SignIn"] = Access.Anyone,
        ["GET /Account/ExternalSignIn"] = Access.Anyone,
        ["POST /Account/ExternalSignIn"] = Access.Anyone,
        ["GET /Account/ExternalSignIn?handler=Callback"] = Access.Anyone,
        ["GET /Account/AccessDenied"] = Access.Anyone,
        ["GET /Account/SignInTwoFactor"] = Access.Anyone,
        ["POST /Account/SignInTwoFactor"] = Access.Anyone,
        ["GET /Account/SignInRecovery"] = Access.Anyone,
        ["POST /Account/SignInRecovery"] = Access.Anyone,
        ["GET /Account/TwoFactor"] = Access.SignedIn,
        ["POST /Account/TwoFactor"] = Access.SignedIn,
        ["POST /Account/TwoFactor?handler=RecoveryCodes"] = Access.SignedIn,
        ["POST /Account/TwoFactor?handler=TurnOff"] = Access.SignedIn,
        ["GET /Account/SignOut"] = Access.SignedIn,
        ["POST /Account/SignOut"] = Access.SignedIn,
        ["GET /Account/ChangePassword"] = Access.SignedIn,
        ["POST /Account/ChangePassword"] = Access.SignedIn,
        ["GET /Account/Sessions"] = Access.SignedIn,
        ["GET /Account/TimeZone"] = Access.SignedIn,
        ["POST /Account/TimeZone"] = Access.SignedIn,
        ["POST /Account/Sessions?handler=End"] = Access.SignedIn,
        ["POST /Account/Sessions?handler=EndAll"] = Access.SignedIn,

        ["GET /Staff/Index"] = Access.Administration,
        ["GET /Staff/Create"] = Access.Administration,
        ["POST /Staff/Create"] = Access.Administration,
        ["GET /Staff/Edit"] = Access.Administration,
        ["POST /Staff/Edit"] = Access.Administration,
        ["POST /Staff/Edit?handler=Disable"] = Access.Administration,
        ["POST /Staff/Edit?handler=Enable"] = Access.Administration,
        ["POST /Staff/Edit?handler=ResetTwoFactor"] = Access.Administration,
        ["GET /Staff/Sessions"] = Access.Administration,
        ["POST /Staff/Sessions?handler=End"] = Access.Administration,
        ["POST /Staff/Sessions?handler=EndAll"] = Access.Administration,
        ["GET /Privacy/Requests/Index"] = Access.Administration,
        ["POST /Privacy/Requests/Index"] = Access.Administration,
        ["GET /Privacy/Requests/Export"] = Access.Administration,
        ["POST /Privacy/Requests/Export"] = Access.Administration,
        ["POST /Privacy/Requests/Export?handler=Json"] = Access.Administration,
        ["GET /Privacy/Requests/Erase"] = Access.Administration,
        ["POST /Privacy/Requests/Erase"] = Access.Administration,
        ["POST /Privacy/Requests/Erase?handler=Confirm"] = Access.Administration,

        ["GET /Visits/Index"] = Access.ReadVisits,
        ["GET /Visits/Index?handler=Csv"] = Access.ReadVisits,
        ["GET /Visits/Calendar"] = Access.ReadVisits,
        ["GET /Visits/Details"] = Access.ReadVisits,
        ["GET /Visits/Details?handler=Ics"] = Access.ReadVisits,
        ["GET /Visits/Delegation"] = Access.ReadVisits,
        ["GET /Visits/Delegation?handler=Export"] = Access.ReadVisits,
        ["GET /Visits/Schedule"] = Access.EditVisits,
        ["POST /Visits/Schedule"] = Access.EditVisits,
        ["GET /Visits/Edit"] = Access.EditVisits,
        ["POST /Visits/Edit"] = Access.EditVisits,
        ["GET /Visits/Status"] = Access.EditVisits,
        ["POST /Visits/Status?handler=Confirm"] = Access.EditVisits,
        ["POST /Visits/Status?handler=Complete"] = Access.EditVisits,
        ["POST /Visits/Status?handler=Cancel"] = Access.EditVisits,
        ["GET /Visits/Agenda"] = Access.EditVisits,
        ["POST /Visits/Agenda?handler=Add"] = Access.EditVisits,
        ["POST /Visits/Agenda?handler=Edit"] = Access.EditVisits,
        ["POST /Visits/Agenda?handler=Move"] = Access.EditVisits,
        ["POST /Visits/Agenda?handler=Remove"] = Access.EditVisits,
        ["GET /Visits/Roster"] = Access.EditVisits,
        ["GET /Visits/Roster?handler=Template"] = Access.EditVisits,
        ["POST /Visits/Roster?handler=Add"] = Access.EditVisits,
        ["POST /Visits/Roster?handler=Edit"] = Access.EditVisits,
        ["POST /Visits/Roster?handler=Remove"] = Access.EditVisits,
        ["POST /Visits/Roster?handler=Import"] = Access.EditVisits,
        ["POST /Visits/Roster?handler=Move"] = Access.EditVisits,
        ["GET /Visits/Badges"] = Access.EditVisits,
        ["GET /Visits/PlaceCards"] = Access.EditVisits,
        ["GET /Visits/CheckIn"] = Access.EditVisits,
        ["POST /Visits/CheckIn"] = Access.EditVisits,
        ["GET /Visits/Topics"] = Access.EditVisits,
        ["POST /Visits/Topics"] = Access.EditVisits,
        ["POST /Visits/Topics?handler=Remove"] = Access.EditVisits,
        ["GET /Organizations/Names"] = Access.EditVisits,
        ["POST /Organizations/Names"] = Access.EditVisits,
        ["GET /Visits/Programme"] = Access.EditVisits,
        ["POST /Visits/Programme"] = Access.EditVisits,
        ["POST /Visits/Programme?handler=Send"] = Access.EditVisits,
        ["GET /Visits/FollowUps"] = Access.EditVisits,
        ["POST /Visits/FollowUps"] = Access.EditVisits,

        // Visit requests: all staff read the queue; acting on a request is the Secretariat's (directors read only).
        ["GET /VisitRequests/Index"] = Access.ReadVisits,
        ["GET /VisitRequests/Details"] = Access.ReadVisits,
        ["GET /VisitRequests/Change"] = Access.EditVisits,
        ["POST /VisitRequests/Change?handler=Propose"] = Access.EditVisits,
        ["POST /VisitRequests/Change?handler=Decline"] = Access.EditVisits,
        ["GET /VisitRequests/Accept"] = Access.EditVisits,
        ["POST /VisitRequests/Accept"] = Access.EditVisits,

        ["GET /FollowUps/Index"] = Access.ReadVisits,
        ["GET /FollowUps/Overdue"] = Access.ReadVisits,
        ["GET /FollowUps/Status"] = Access.EditVisits,
        ["POST /FollowUps/Status?handler=Done"] = Access.EditVisits,
        ["POST /FollowUps/Status?handler=Drop"] = Access.EditVisits,
        ["POST /FollowUps/Status?handler=Reopen"] = Access.EditVisits,

        ["GET /Membership/Join"] = Access.Anyone,
        ["POST /Membership/Join"] = Access.Anyone,
        ["GET /Membership/Sent"] = Access.Anyone,
        ["GET /Membership/Status"] = Access.Anyone,
        ["POST /Membership/Status?handler=Document"] = Access.Anyone,
        ["GET /Membership/Directory"] = Access.Anyone,
        ["GET /Delegation/Index"] = Access.Anyone,
        ["POST /Delegation/Index?handler=Save"] = Access.Anyone,
        ["POST /Delegation/Index?handler=Remove"] = Access.Anyone,
        ["GET /VisitRequests/Ask"] = Access.Anyone,
        ["POST /VisitRequests/Ask"] = Access.Anyone,
        ["GET /VisitRequests/Sent"] = Access.Anyone,
        ["GET /VisitRequests/Status"] = Access.Anyone,
        ["POST /VisitRequests/Status?handler=AcceptDates"] = Access.Anyone,
        ["POST /VisitRequests/Status?handler=Answer"] = Access.Anyone,
        ["GET /Privacy"] = Access.Anyone,

        // Addresses from before the features took one name each: a permanent redirect, whoever asks.
        ["GET /join/{**rest}"] = Access.Anyone,
        ["GET /join/sent/{**rest}"] = Access.Anyone,
        ["GET /visit/{**rest}"] = Access.Anyone,
        ["GET /visit/sent/{**rest}"] = Access.Anyone,
        ["GET /visit/status/{**rest}"] = Access.Anyone,
        ["GET /inquiry/{**rest}"] = Access.Anyone,
        ["GET /Inquiries/{**rest}"] = Access.Anyone,
        ["GET /Admin/Users/{**rest}"] = Access.Anyone,

        // The inquiry policies name the same roles as the visit ones: all staff read, directors only read.
        ["GET /Membership/Inquiries/Index"] = Access.ReadVisits,
        ["GET /Membership/Inquiries/Index?handler=Csv"] = Access.ReadVisits,
        ["GET /Membership/Inquiries/Details"] = Access.ReadVisits,
        ["GET /Membership/Inquiries/Change"] = Access.EditVisits,
        ["POST /Membership/Inquiries/Change?handler=Move"] = Access.EditVisits,
        ["POST /Membership/Inquiries/Change?handler=Assign"] = Access.EditVisits,
        ["POST /Membership/Inquiries/Change?handler=Note"] = Access.EditVisits,
        ["GET /Membership/Inquiries/Match"] = Access.EditVisits,
        ["POST /Membership/Inquiries/Match?handler=Match"] = Access.EditVisits,
        ["POST /Membership/Inquiries/Match?handler=Split"] = Access.EditVisits,
        ["GET /Membership/Inquiries/Anonymize"] = Access.Administration,
        ["POST /Membership/Inquiries/Anonymize"] = Access.Administration,

        // Applications: all staff read; the changes are the Secretariat's (directors read only).
        ["GET /Membership/Applications/Index"] = Access.ReadVisits,
        ["GET /Membership/Applications/Details"] = Access.ReadVisits,
        ["GET /Membership/Applications/Details?handler=Document"] = Access.ReadVisits,
        ["GET /Membership/Applications/Change"] = Access.EditVisits,
        ["POST /Membership/Applications/Change?handler=Upload"] = Access.EditVisits,
        ["POST /Membership/Applications/Change?handler=Checklist"] = Access.EditVisits,
        ["POST /Membership/Applications/Change?handler=Accept"] = Access.EditVisits,
        ["POST /Membership/Applications/Change?handler=Return"] = Access.EditVisits,
        ["POST /Membership/Applications/Change?handler=Withdraw"] = Access.EditVisits,
        ["GET /Membership/Applications/Start"] = Access.EditVisits,
        ["POST /Membership/Applications/Start"] = Access.EditVisits,
        ["GET /Membership/Applications/New"] = Access.EditVisits,
        ["POST /Membership/Applications/New"] = Access.EditVisits,
        ["POST /Membership/Applications/New?handler=Search"] = Access.EditVisits,
        ["GET /Membership/Members/Index"] = Access.ReadVisits,
        ["GET /Membership/Members/Index?handler=Csv"] = Access.ReadVisits,
        ["GET /Membership/Members/Details"] = Access.ReadVisits,
        ["GET /Membership/Members/Letter"] = Access.ReadVisits,
        ["GET /Membership/Members/Change"] = Access.EditVisits,
        ["POST /Membership/Members/Change"] = Access.EditVisits,
        ["GET /Membership/Committee/Index"] = Access.ReadVisits,
        ["GET /Membership/Committee/Meeting"] = Access.ReadVisits,
        ["GET /Membership/Committee/Schedule"] = Access.EditVisits,
        ["POST /Membership/Committee/Schedule"] = Access.EditVisits,
        ["GET /Membership/Committee/Change"] = Access.EditVisits,
        ["POST /Membership/Committee/Change?handler=Put"] = Access.EditVisits,
        ["POST /Membership/Committee/Change?handler=Decide"] = Access.EditVisits,

        ["GET /Reports/Index"] = Access.ReadVisits,
        ["GET /Reports/Details"] = Access.ReadVisits,
        ["POST /Reports/Details?handler=Comment"] = Access.ReadVisits,
        ["GET /Reports/Version"] = Access.ReadVisits,
        ["GET /Reports/Start"] = Access.EditVisits,
        ["POST /Reports/Start"] = Access.EditVisits,
        ["GET /Reports/Edit"] = Access.EditVisits,
        ["POST /Reports/Edit"] = Access.EditVisits,
        ["POST /Reports/Edit?handler=Autosave"] = Access.EditVisits,
        ["POST /Reports/Edit?handler=Submit"] = Access.EditVisits,
        ["GET /Reports/FollowUp"] = Access.EditVisits,
        ["POST /Reports/FollowUp"] = Access.EditVisits,
        ["GET /Reports/Queue"] = Access.ReviewReports,
        ["GET /Reports/Review"] = Access.ReviewReports,
        ["POST /Reports/Review?handler=Approve"] = Access.ReviewReports,
        ["POST /Reports/Review?handler=RequestChanges"] = Access.ReviewReports,

        ["GET /News/Index"] = Access.Anyone,
        ["GET /News/Release"] = Access.Anyone,
        ["GET /News/Manage"] = Access.ReadVisits,
        ["GET /News/Preview"] = Access.ReadVisits,
        ["GET /News/Draft"] = Access.EditVisits,
        ["POST /News/Draft"] = Access.EditVisits,
        ["GET /News/Edit"] = Access.EditVisits,
        ["POST /News/Edit"] = Access.EditVisits,
        ["POST /News/Edit?handler=Publish"] = Access.EditVisits,

        ["GET /Dashboard/Index"] = Access.ReadVisits,

        ["GET /health/live"] = Access.Anyone,
        ["GET /health/ready"] = Access.Anyone,
        ["GET /calendar/feed/{token}.ics"] = Access.Anyone,
    };

    /// <summary>Who may send each use case, whatever page sends it: one row per request type of the application. The
    /// inquiry groups name the same roles as the visit ones (see above).</summary>
    public static readonly IReadOnlyDictionary<Type, Access> UseCases = new Dictionary<Type, Access>
    {
        [typeof(GetDashboard.Query)] = Access.ReadVisits,

        [typeof(AddFollowUp.Command)] = Access.EditVisits,
        [typeof(CompleteFollowUp.Command)] = Access.EditVisits,
        [typeof(CountMyOverdueFollowUps.Query)] = Access.ReadVisits,
        [typeof(DropFollowUp.Command)] = Access.EditVisits,
        [typeof(GetFollowUp.Query)] = Access.EditVisits,
        [typeof(ListMyFollowUps.Query)] = Access.ReadVisits,
        [typeof(ListOverdueFollowUps.Query)] = Access.ReadVisits,
        [typeof(ListStaffForChoice.Query)] = Access.EditVisits,
        [typeof(ReopenFollowUp.Command)] = Access.EditVisits,

        [typeof(GetHomeOverview.Query)] = Access.ReadVisits,

        [typeof(AcceptProposedDates.Command)] = Access.Anyone,
        [typeof(AcceptVisitRequest.Command)] = Access.EditVisits,
        [typeof(AnswerProposedDates.Command)] = Access.Anyone,
        [typeof(CountWaitingVisitRequests.Query)] = Access.ReadVisits,
        [typeof(DeclineVisitRequest.Command)] = Access.EditVisits,
        [typeof(GetVisitRequest.Query)] = Access.ReadVisits,
        [typeof(GetVisitRequestStatus.Query)] = Access.Anyone,
        [typeof(ListVisitRequests.Query)] = Access.ReadVisits,
        [typeof(ProposeVisitDates.Command)] = Access.EditVisits,
        [typeof(SubmitVisitRequest.Command)] = Access.Anyone,

        [typeof(AcceptApplication.Command)] = Access.EditVisits,
        [typeof(AddApplicationDocument.Command)] = Access.EditVisits,
        [typeof(ChangeMemberStatus.Command)] = Access.EditVisits,
        [typeof(CheckApplication.Command)] = Access.EditVisits,
        [typeof(ExportMembers.Query)] = Access.ReadVisits,
        [typeof(GetMember.Query)] = Access.ReadVisits,
        [typeof(GetWelcomeLetter.Query)] = Access.ReadVisits,
        [typeof(ListMemberDirectory.Query)] = Access.Anyone,
        [typeof(ListMembers.Query)] = Access.ReadVisits,
        [typeof(GetCommitteeMeeting.Query)] = Access.ReadVisits,
        [typeof(ListCommitteeMeetings.Query)] = Access.ReadVisits,
        [typeof(PutOnCommitteeAgenda.Command)] = Access.EditVisits,
        [typeof(RecordCommitteeDecision.Command)] = Access.EditVisits,
        [typeof(ScheduleCommitteeMeeting.Command)] = Access.EditVisits,
        [typeof(GetApplication.Query)] = Access.ReadVisits,
        [typeof(GetApplicationStatus.Query)] = Access.Anyone,
        [typeof(ListApplications.Query)] = Access.ReadVisits,
        [typeof(OpenApplicationDocument.Query)] = Access.ReadVisits,
        [typeof(ReturnApplication.Command)] = Access.EditVisits,
        [typeof(SendApplicationDocument.Command)] = Access.Anyone,
        [typeof(StartApplication.Command)] = Access.EditVisits,
        [typeof(StartApplication.ChoicesQuery)] = Access.EditVisits,
        [typeof(WithdrawApplication.Command)] = Access.EditVisits,

        [typeof(AddInquiryNote.Command)] = Access.EditVisits,
        [typeof(AnonymizeExpiredInquiries.Command)] = Access.System,
        [typeof(AnonymizeExpiredInquiries.SearchCopies)] = Access.System,
        [typeof(ForgetDelegateNeeds.Command)] = Access.System,
        [typeof(EraseClosedApplications.Command)] = Access.System,
        [typeof(EraseClosedApplications.SearchCopies)] = Access.System,
        [typeof(EraseClosedVisitRequests.Command)] = Access.System,
        [typeof(EraseClosedVisitRequests.SearchCopies)] = Access.System,
        [typeof(ForgetDelegationContacts.Command)] = Access.System,
        [typeof(ForgetDelegationContacts.SearchCopies)] = Access.System,
        [typeof(Application.Privacy.EraseSentMessages.Command)] = Access.System,
        [typeof(AnonymizeInquiry.Command)] = Access.Administration,
        [typeof(AssignInquiry.ChoicesQuery)] = Access.ReadVisits,
        [typeof(AssignInquiry.Command)] = Access.EditVisits,
        [typeof(CountNewInquiries.Query)] = Access.ReadVisits,
        [typeof(ExportInquiries.Query)] = Access.ReadVisits,
        [typeof(GetInquiry.Query)] = Access.ReadVisits,
        [typeof(GetInquiryStatus.Query)] = Access.Anyone,
        [typeof(ListInquiries.Query)] = Access.ReadVisits,
        [typeof(ListVisitsForInquiry.Query)] = Access.Anyone,
        [typeof(MatchInquiry.CandidatesQuery)] = Access.EditVisits,
        [typeof(MatchInquiry.Command)] = Access.EditVisits,
        [typeof(MoveInquiry.Command)] = Access.EditVisits,
        [typeof(SplitInquiry.Command)] = Access.EditVisits,
        [typeof(SubmitMembershipInquiry.Command)] = Access.Anyone,

        [typeof(DraftNewsRelease.Command)] = Access.EditVisits,
        [typeof(EditNewsRelease.Command)] = Access.EditVisits,
        [typeof(GetNewsRelease.Query)] = Access.ReadVisits,
        [typeof(GetReportReleases.Query)] = Access.EditVisits,
        [typeof(ListNewsReleases.Query)] = Access.ReadVisits,
        [typeof(ListPublishedNews.Query)] = Access.Anyone,
        [typeof(PublishNewsRelease.Command)] = Access.EditVisits,
        [typeof(ReadNewsRelease.Query)] = Access.Anyone,

        [typeof(ApproveVisitReport.Command)] = Access.ReviewReports,
        [typeof(CommentOnReport.Command)] = Access.ReadVisits,
        [typeof(CountReportsAwaitingReview.Query)] = Access.ReviewReports,
        [typeof(GetVisitReport.Query)] = Access.ReadVisits,
        [typeof(GetVisitReportVersion.Query)] = Access.ReadVisits,
        [typeof(ListReportsAwaitingReview.Query)] = Access.ReviewReports,
        [typeof(ListVisitReports.Query)] = Access.ReadVisits,
        [typeof(RequestReportChanges.Command)] = Access.ReviewReports,
        [typeof(StartVisitReport.Command)] = Access.EditVisits,
        [typeof(SubmitVisitReport.Command)] = Access.EditVisits,
        [typeof(WriteVisitReport.Command)] = Access.EditVisits,

        // A person's request: finding, exporting and erasing a person's data is for administrators only.
        [typeof(ErasePersonalData.Command)] = Access.Administration,
        [typeof(ExportPersonalData.Command)] = Access.Administration,
        [typeof(FindPersonalData.Query)] = Access.Administration,
        [typeof(ListPrivacyRequests.Query)] = Access.Administration,

        [typeof(ChangeStaffRoles.Command)] = Access.Administration,
        [typeof(ChooseTimeZone.Command)] = Access.Administration,
        [typeof(CreateStaffUser.Command)] = Access.Administration,
        [typeof(DisableStaffAccount.Command)] = Access.Administration,
        [typeof(EnableStaffAccount.Command)] = Access.Administration,
        [typeof(EndStaffSessions.Command)] = Access.Administration,
        [typeof(ListStaffSessions.Query)] = Access.Administration,
        [typeof(ListStaffUsers.Query)] = Access.Administration,
        [typeof(RenewRecoveryCodes.Command)] = Access.Administration,
        [typeof(ResetStaffTwoFactor.Command)] = Access.Administration,
        [typeof(TurnOffTwoFactor.Command)] = Access.Administration,
        [typeof(TurnOnTwoFactor.Command)] = Access.Administration,

        [typeof(AddAgendaItem.Command)] = Access.EditVisits,
        [typeof(AddDelegate.Command)] = Access.EditVisits,
        [typeof(CancelVisit.Command)] = Access.EditVisits,
        [typeof(CheckInDelegate.Command)] = Access.EditVisits,
        [typeof(CompleteVisit.Command)] = Access.EditVisits,
        [typeof(ConfirmVisit.Command)] = Access.EditVisits,
        [typeof(EditAgendaItem.Command)] = Access.EditVisits,
        [typeof(EditDelegate.Command)] = Access.EditVisits,
        [typeof(EditProgramme.Command)] = Access.EditVisits,
        [typeof(EditVisit.Command)] = Access.EditVisits,
        [typeof(ExportVisitCalendar.Query)] = Access.ReadVisits,
        [typeof(ExportVisitFeed.Query)] = Access.ReadVisits,
        [typeof(ExportVisits.Query)] = Access.ReadVisits,
        [typeof(GetAgenda.Query)] = Access.EditVisits,
        [typeof(GetDelegationPage.Query)] = Access.Anyone,
        [typeof(GetProgramme.Query)] = Access.ReadVisits,
        [typeof(GetRoster.Query)] = Access.ReadVisits,
        [typeof(RemoveDelegateOnDelegationPage.Command)] = Access.Anyone,
        [typeof(SaveDelegateOnDelegationPage.Command)] = Access.Anyone,
        [typeof(SendProgramme.Command)] = Access.EditVisits,
        [typeof(GetVisit.Query)] = Access.ReadVisits,
        [typeof(GetVisitCalendar.Query)] = Access.ReadVisits,
        [typeof(GetVisitFormChoices.Query)] = Access.EditVisits,
        [typeof(GetVisitTopics.Query)] = Access.EditVisits,
        [typeof(ImportRoster.Command)] = Access.EditVisits,
        [typeof(ListVisits.Query)] = Access.ReadVisits,
        [typeof(MoveAgendaItem.Command)] = Access.EditVisits,
        [typeof(MoveDelegate.Command)] = Access.EditVisits,
        [typeof(RecordTopic.Command)] = Access.EditVisits,
        [typeof(RemoveAgendaItem.Command)] = Access.EditVisits,
        [typeof(RemoveDelegate.Command)] = Access.EditVisits,
        [typeof(RemoveTopic.Command)] = Access.EditVisits,
        [typeof(ScheduleVisit.Command)] = Access.EditVisits,
        [typeof(NameOrganizationInLanguages.Query)] = Access.EditVisits,
        [typeof(NameOrganizationInLanguages.Command)] = Access.EditVisits,
    };

    /// <summary>POSTs that take no antiforgery token, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutAntiforgery = new Dictionary<string, string>(
        StringComparer.Ordinal
    )
    {
        ["POST /Error"] = "the error page re-executes the failed request, whatever its method; it changes nothing",
        ["POST /Culture"] =
            "the language switch is the same form for every visitor, so public pages can be cached whole; it "
            + "changes only the visitor's language cookie, and refuses a post the browser says came from another site",
    };

    public static bool Allows(Access access, string visitor) =>
        access switch
        {
            Access.Anyone => true,
            _ when visitor == System => access == Access.System,
            Access.SignedIn => visitor != Anonymous,
            Access.ReadVisits => visitor is Roles.Administrator or Roles.SecretariatStaff or Roles.ProgramDirector,
            Access.EditVisits => visitor is Roles.Administrator or Roles.SecretariatStaff,
            Access.ReviewReports => visitor is Roles.Administrator or Roles.ProgramDirector,
            Access.Administration => visitor is Roles.Administrator,
            Access.System => false,
            _ => throw new ArgumentOutOfRangeException(nameof(access)),
        };
}
