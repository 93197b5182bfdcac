using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Testing;

/// <summary>Membership inquiries at a stage of the Secretariat's pipeline, and their notes.</summary>
public static partial class TestData
{
    /// <summary>An inquiry as <see cref="MembershipInquiryAsync"/> made it: its id, the reference the notification
    /// mails carry, and the organisation named on the form.</summary>
    public sealed record SubmittedInquiry(int Id, string Reference, string OrganizationName);

    /// <summary>Seremban's inquiry after its visit, as its official fills in the public form: Lee Kai Yet, Councillor,
    /// asking about feasibility studies and capacity building, for an organisation of its own (a made-up word no other
    /// name resembles, "Xyzia City Council", since the form matches similar names) unless the test names one.</summary>
    public static SubmitMembershipInquiry.Command SerembanInquiry(string? organization = null) =>
        new()
        {
            OrganizationName = organization ?? DistinctCouncil(),
            CountryCode = "MY",
            Kind = OrganizationKind.LocalGovernment,
            Population = 680_000,
            ContactName = "Lee Kai Yet",
            ContactPosition = "Councillor",
            Email = "lee.kaiyet@mbs.gov.my",
            Phone = "+60 6-762 0000",
            PreferredLanguage = "en",
            Interests = [MembershipInterest.FeasibilityStudies, MembershipInterest.CapacityBuilding],
            OtherInterest = "Urban-planning strategy and inclusion",
            HeardFrom = "Our visit to the Secretariat",
            Message = "We would like to know the membership process.",
            ConsentGiven = true,
        };

    /// <summary>Submits <see cref="SerembanInquiry"/>, changed by <paramref name="change"/>, through the public form's
    /// use case (which matches it to a city record and files it with a regional office), then moves it along the
    /// pipeline to <paramref name="stage"/> as staff would.</summary>
    public static async Task<SubmittedInquiry> MembershipInquiryAsync(
        this PortalFactory portal,
        InquiryStage stage = InquiryStage.New,
        Func<SubmitMembershipInquiry.Command, SubmitMembershipInquiry.Command>? change = null
    )
    {
        var command = change is null ? SerembanInquiry() : change(SerembanInquiry());
        var submitted = await portal.SendAsync(command);
        var id = await portal.WithDbAsync(db =>
            db.MembershipInquiries.Where(i => i.Reference == submitted.Reference).Select(i => i.Id).SingleAsync()
        );
        await portal.MoveInquiryAlongAsync(id, stage);
        return new SubmittedInquiry(id, submitted.Reference, command.OrganizationName!);
    }

    /// <summary>Takes a new inquiry to <paramref name="stage"/> as staff would: by hand to Contacted, Declined or
    /// Withdrawn; past Contacted through its application (opened for "Application sent", the signed form uploaded for
    /// "Under review", checked and accepted for "Approved", which makes a city an Associate member), the inquiry
    /// following it. The inquiry must be matched to a city record, as the public form does.</summary>
    public static async Task MoveInquiryAlongAsync(this PortalFactory portal, int inquiryId, InquiryStage stage)
    {
        foreach (var step in InquiryPath(stage).Where(s => !FollowsApplication(s)))
        {
            await portal.SendAsync(
                new MoveInquiry.Command
                {
                    InquiryId = inquiryId,
                    Version = await portal.InquiryVersionAsync(inquiryId),
                    Stage = step,
                }
            );
        }

        if (!FollowsApplication(stage))
        {
            return;
        }

        var applicationId = (await portal.SendAsync(new StartApplication.Command { InquiryId = inquiryId }))
            .ApplicationId
            .Value;
        if (stage == InquiryStage.ApplicationSent)
        {
            return;
        }

        await portal.SendAsync(
            new AddApplicationDocument.Command
            {
                ApplicationId = applicationId,
                Version = await portal.ApplicationVersionAsync(applicationId),
                FileName = "form.pdf",
                File = SignedFormPdf,
            }
        );
        if (stage == InquiryStage.UnderReview)
        {
            return;
        }

        await portal.CheckAndAcceptAsync(applicationId);
    }

    /// <summary>For tests that write rows directly: the application of a saved, matched <paramref name="inquiry"/>,
    /// taken as far as <paramref name="stage"/> needs (opened; its signed form received; checked and accepted on
    /// <paramref name="acceptedOn"/>), with the inquiry following it. The caller adds it to the context.</summary>
    public static MembershipApplication InquiryApplication(
        MembershipInquiry inquiry,
        InquiryStage stage,
        DateOnly acceptedOn,
        DateTime at
    )
    {
        var application = new MembershipApplication(
            inquiry.Reference,
            inquiry.OrganizationId ?? throw new InvalidOperationException("Match the inquiry first."),
            inquiry.Kind,
            inquiry.Id,
            new ApplicationContact(inquiry.ContactName, inquiry.Email, inquiry.PreferredLanguage),
            null,
            at
        );
        if (stage is InquiryStage.UnderReview or InquiryStage.Approved)
        {
            application.AddDocument("form.pdf", DocumentType.Pdf, SignedFormPdf.Length, StoredNames.New(), true, at);
        }

        if (stage == InquiryStage.Approved)
        {
            application.Check(isSigned: true, signatoryIsAuthorised: true, contactConfirmed: true);
            application.Accept(acceptedOn, at);
        }

        inquiry.FollowApplication(application, at);
        return application;
    }

    /// <summary>Whether an inquiry reaches <paramref name="stage"/> only through an application.</summary>
    public static bool FollowsApplication(InquiryStage stage) =>
        stage is InquiryStage.ApplicationSent or InquiryStage.UnderReview or InquiryStage.Approved;

    /// <summary>The stages a new inquiry passes through, in order, to reach <paramref name="stage"/>: contacted,
    /// application sent and under review before approval; declined or withdrawn straight away.</summary>
    public static InquiryStage[] InquiryPath(InquiryStage stage) =>
        stage switch
        {
            InquiryStage.New => [],
            InquiryStage.Contacted => [InquiryStage.Contacted],
            InquiryStage.ApplicationSent => [InquiryStage.Contacted, InquiryStage.ApplicationSent],
            InquiryStage.UnderReview =>
            [
                InquiryStage.Contacted,
                InquiryStage.ApplicationSent,
                InquiryStage.UnderReview,
            ],
            InquiryStage.Approved =>
            [
                InquiryStage.Contacted,
                InquiryStage.ApplicationSent,
                InquiryStage.UnderReview,
                InquiryStage.Approved,
            ],
            _ => [stage],
        };

    /// <summary>Writes <paramref name="note"/> on the inquiry, at its current version, as staff would.</summary>
    public static async Task WriteInquiryNoteAsync(this PortalFactory portal, int inquiryId, string note) =>
        await portal.SendAsync(
            new AddInquiryNote.Command
            {
                InquiryId = inquiryId,
                Version = await portal.InquiryVersionAsync(inquiryId),
                Note = note,
            }
        );

    /// <summary>"Xyzia City Council": a council named by <see cref="DistinctWord"/>.</summary>
    public static string DistinctCouncil()
    {
        var word = DistinctWord();
        return $"{char.ToUpperInvariant(word[0])}{word[1..]} City Council";
    }

    private static async Task<int> InquiryVersionAsync(this PortalFactory portal, int inquiryId) =>
        (await portal.SendAsync(new GetInquiry.Query(inquiryId)))!.Version;
}
