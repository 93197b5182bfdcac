using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Testing;

public static partial class TestData
{
    /// <summary>A signed form as a scanner writes it: a PDF by its first bytes.</summary>
    public static readonly byte[] SignedFormPdf = "%PDF-1.7\n% signed membership application form\n%%EOF\n"u8.ToArray();

    /// <summary>A made-up word no other call returns and no other name resembles: the public form matches an
    /// inquiry to any organisation that shares a distinctive word with it, so numbered names would all be one
    /// city.</summary>
    public static string DistinctWord() =>
        string.Concat(System.Security.Cryptography.RandomNumberGenerator.GetString("bcdfghjklmnpqrstvwxz", 6), "ia");

    /// <summary>Seremban's inquiry after its visit, written in <paramref name="language"/> for an organisation of its
    /// own (the inquiry is matched to it, as the public form does), then its application opened by staff. Returns the
    /// application's id and the inquiry's status token.</summary>
    public static async Task<(int ApplicationId, string StatusToken)> ApplicationFromInquiryAsync(
        this PortalFactory portal,
        string language = "es",
        OrganizationKind kind = OrganizationKind.LocalGovernment
    )
    {
        var inquiry = await portal.SendAsync(
            new SubmitMembershipInquiry.Command
            {
                OrganizationName = $"{DistinctWord()} City Council",
                CountryCode = "MY",
                Kind = kind,
                ContactName = "Lee Kai Yet",
                ContactPosition = "Councillor",
                Email = "official@example.org",
                PreferredLanguage = language,
                Interests = [MembershipInterest.FeasibilityStudies],
                ConsentGiven = true,
            }
        );
        var inquiryId = await portal.WithDbAsync(db =>
            Task.FromResult(db.MembershipInquiries.Single(i => i.Reference == inquiry.Reference).Id)
        );
        var started = await portal.SendAsync(new StartApplication.Command { InquiryId = inquiryId });
        return (started.ApplicationId.Value, inquiry.StatusToken);
    }

    /// <summary>An application from <see cref="ApplicationFromInquiryAsync"/> whose signed form the applicant sent
    /// through the status link, checked and accepted by the Secretariat on <paramref name="acceptedOn"/> (today in
    /// Seoul when not given): a city is then an Associate member. Returns the application's id.</summary>
    public static async Task<int> AcceptedApplicationAsync(
        this PortalFactory portal,
        string language = "es",
        OrganizationKind kind = OrganizationKind.LocalGovernment,
        DateOnly? acceptedOn = null
    )
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync(language, kind);
        await portal.SendAsync(
            new SendApplicationDocument.Command
            {
                Token = token,
                FileName = "form.pdf",
                File = SignedFormPdf,
            }
        );
        await portal.CheckAndAcceptAsync(id, acceptedOn);
        return id;
    }

    /// <summary>The Secretariat ticks the whole checklist of an application whose signed form arrived, then accepts
    /// it on <paramref name="acceptedOn"/> (today in Seoul when not given), each at the application's current
    /// version.</summary>
    public static async Task CheckAndAcceptAsync(this PortalFactory portal, int id, DateOnly? acceptedOn = null)
    {
        await portal.SendAsync(
            new CheckApplication.Command
            {
                ApplicationId = id,
                Version = await portal.ApplicationVersionAsync(id),
                IsSigned = true,
                SignatoryIsAuthorised = true,
                ContactConfirmed = true,
            }
        );
        await portal.SendAsync(
            new AcceptApplication.Command
            {
                ApplicationId = id,
                Version = await portal.ApplicationVersionAsync(id),
                AcceptedOn = acceptedOn,
            }
        );
    }

    /// <summary>The application's version now, for a command that expects it.</summary>
    public static async Task<int> ApplicationVersionAsync(this PortalFactory portal, int id) =>
        (await portal.SendAsync(new GetApplication.Query(id)))!.Version;
}
