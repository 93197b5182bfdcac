using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>What followed Seremban's visit, in the project's own words from the seed's facts: the visit report
/// approved by the Program Director, its news release published in English, Spanish and Korean, and the council's
/// membership inquiry two weeks later. The application and the Executive Committee follow in
/// <see cref="DemoSecretariat"/>.</summary>
internal static class SerembanAfterTheVisit
{
    /// <summary>The official who writes for Seremban: invented, with a reserved address no mail can reach.</summary>
    public const string OfficialName = "Nur Contoh";
    public const string OfficialEmail = "nur.contoh@example.org";
    public const string ReportAuthor = "Sam Example";

    private const string Outcomes =
        "The Secretariat hopes to welcome Seremban into the WeGO family and will look for further ways to work "
        + "together: the membership information and application form are on their way, with member cases on "
        + "urban-planning strategy and inclusion and options for a feasibility study.";

    public static async Task<MembershipInquiry> CreateAsync(
        PortalDbContext db,
        StoryClock clock,
        IOptions<NewsSettings> news,
        Visit visit,
        CancellationToken cancellationToken
    )
    {
        await ReportAndReleasesAsync(db, clock, news, visit, cancellationToken);
        return await InquiryAsync(db, clock, visit, cancellationToken);
    }

    private static async Task ReportAndReleasesAsync(
        PortalDbContext db,
        StoryClock clock,
        IOptions<NewsSettings> news,
        Visit visit,
        CancellationToken cancellationToken
    )
    {
        clock.MorningOf(SerembanVisit.Date.AddDays(1));
        var report = VisitReport.ForVisit(visit, "demo-report-author", ReportAuthor, "en", clock.Now.UtcDateTime);
        report.Write(
            new ReportContent(
                $"Councillor {SerembanVisit.HeadOfDelegation} brought {SerembanVisit.Delegates} council members and "
                    + "officials of Seremban City Council to the Secretariat in Seoul. Secretary General "
                    + $"{SerembanVisit.SecretaryGeneral} opened the meeting; the delegation then presented Seremban's "
                    + $"smart-city work and Program Director {SerembanVisit.ProgramDirector} presented WeGO's "
                    + "programmes. Most questions were about becoming a member.",
                report.Participants,
                "Seremban's smart-city initiatives sit within Malaysia Vision Valley 2.0, an economic region led by "
                    + "the state, driven by private investment and meant to complement Greater Kuala Lumpur.",
                "WeGO's activities and vision, and its flagship programmes: capacity-building projects, feasibility "
                    + "studies, the Seoul Smart City Prize and the WeGO Smart City Champions.",
                report.TopicsRaised,
                Outcomes,
                null
            ),
            clock.Now.UtcDateTime
        );
        report.Submit("demo-report-author", ReportAuthor, "en", clock.Now.UtcDateTime);
        clock.MorningOf(SerembanVisit.Date.AddDays(3));
        report.Approve(SerembanVisit.ProgramDirector, clock.Now.UtcDateTime);
        db.VisitReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);

        clock.MorningOf(SerembanVisit.Date.AddDays(4));
        foreach (var language in ReleaseText.Languages)
        {
            var id = await new DraftNewsRelease.Handler(db, news).Handle(
                new DraftNewsRelease.Command { ReportId = report.Id, Language = language },
                cancellationToken
            );
            await db.SaveChangesAsync(cancellationToken);
            var release = await db.NewsReleases.SingleAsync(r => r.Id == id.Value, cancellationToken);
            if (Edits.TryGetValue(language, out var edits))
            {
                // What staff do before publishing: the visit's facts were entered in English.
                string Edit(string text) => edits.Aggregate(text, (t, edit) => t.Replace(edit.English, edit.Own));
                release.Edit(Edit(release.Headline), release.Dateline, Edit(release.Body));
            }

            release.Publish(clock.Now.UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task<MembershipInquiry> InquiryAsync(
        PortalDbContext db,
        StoryClock clock,
        Visit visit,
        CancellationToken cancellationToken
    )
    {
        clock.MorningOf(SerembanVisit.Date.AddDays(14));
        var inquiry = new MembershipInquiry(
            PrivateLinks.NewReference(PrivateLinks.InquiryPrefix, SerembanVisit.Date.Year),
            PrivateLinks.HashStatusToken(PrivateLinks.NewStatusToken()),
            new InquiryApplicant(
                SerembanVisit.CityName,
                "MY",
                OrganizationKind.LocalGovernment,
                null,
                OfficialName,
                "Principal Assistant Director, Smart City Unit (demo)",
                OfficialEmail,
                null,
                "en",
                MembershipInterest.CapacityBuilding | MembershipInterest.FeasibilityStudies,
                null,
                "Our visit to the Secretariat",
                visit.Id,
                "Following our council's visit on 7 October, Seremban would like to start the membership process.",
                ConsentGiven: true
            ),
            clock.Now.UtcDateTime
        );
        inquiry.MatchTo(visit.OrganizationId);
        inquiry.AssignTo(await OfficeForRegion.IdAsync(db, Region.AsiaPacific, cancellationToken), null);
        db.MembershipInquiries.Add(inquiry);
        await db.SaveChangesAsync(cancellationToken);

        clock.MorningOf(SerembanVisit.Date.AddDays(16));
        inquiry.MoveTo(InquiryStage.Contacted, clock.Now.UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return inquiry;
    }

    /// <summary>What the drafting leaves in English (the visit's purpose, agenda and notes, a topic outside the
    /// vocabulary, the report's outcomes) as a writer translates it in the Spanish and Korean releases, and the
    /// article Spanish needs before the council's name.</summary>
    private static readonly Dictionary<string, (string English, string Own)[]> Edits = new()
    {
        ["es"] =
        [
            (
                "Introduce WeGO's operations worldwide and discuss collaboration towards Seremban becoming a WeGO "
                    + "member.",
                "presentar la labor de WeGO en el mundo y hablar de la colaboración para que Seremban llegue a ser "
                    + "miembro de WeGO."
            ),
            (
                "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
                "Las iniciativas de ciudad inteligente de Seremban, entre ellas Malaysia Vision Valley 2.0"
            ),
            (
                "Malaysia Vision Valley 2.0: a state-led, private-sector-driven economic region complementing "
                    + "Greater Kuala Lumpur.",
                "Malaysia Vision Valley 2.0: una región económica impulsada por el Estado y la inversión privada, "
                    + "complementaria del Gran Kuala Lumpur."
            ),
            ("WeGO's activities, vision and flagship programmes", "Las actividades, la visión y los programas de WeGO"),
            (
                "Capacity-building projects, feasibility studies, the Seoul Smart City Prize, WeGO Smart City "
                    + "Champions.",
                "Proyectos de formación de capacidades, estudios de viabilidad, el Premio Ciudad Inteligente de Seúl "
                    + "y WeGO Smart City Champions."
            ),
            (
                "Members' smart-city initiatives on urban-planning strategy and inclusion",
                "Iniciativas de ciudad inteligente de los miembros en planificación urbana e inclusión"
            ),
            (
                Outcomes,
                "La Secretaría espera dar la bienvenida a Seremban en la familia de WeGO y buscará nuevas formas de "
                    + "colaborar: le enviará la información sobre la membresía y el formulario de solicitud, ejemplos "
                    + "de miembros en planificación urbana e inclusión y opciones para un estudio de viabilidad."
            ),
            ("de " + SerembanVisit.CityNameEs, "del " + SerembanVisit.CityNameEs),
        ],
        ["ko"] =
        [
            (
                "Introduce WeGO's operations worldwide and discuss collaboration towards Seremban becoming a WeGO "
                    + "member.",
                "WeGO의 전 세계 활동을 소개하고 세렘반의 WeGO 회원 가입을 위한 협력을 논의하는 것."
            ),
            (
                "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
                "말레이시아 비전 밸리 2.0을 비롯한 세렘반의 스마트시티 사업"
            ),
            (
                "Malaysia Vision Valley 2.0: a state-led, private-sector-driven economic region complementing "
                    + "Greater Kuala Lumpur.",
                "말레이시아 비전 밸리 2.0: 정부가 이끌고 민간이 추진하며 쿠알라룸푸르 광역권을 보완하는 경제 지역."
            ),
            ("WeGO's activities, vision and flagship programmes", "WeGO의 활동, 비전, 대표 사업"),
            (
                "Capacity-building projects, feasibility studies, the Seoul Smart City Prize, WeGO Smart City "
                    + "Champions.",
                "역량강화 사업, 타당성 조사, 서울스마트시티상, WeGO 스마트시티 챔피언."
            ),
            (
                "Members' smart-city initiatives on urban-planning strategy and inclusion",
                "도시계획 전략과 포용에 관한 회원 도시의 스마트시티 사업"
            ),
            (
                Outcomes,
                "사무국은 세렘반을 WeGO의 새 회원으로 맞이하기를 기대하며, 회원 가입 안내와 신청서, 도시계획과 포용에 관한 "
                    + "회원 사례, 타당성 조사 방안을 보내는 등 협력을 더 넓혀 갈 계획이다."
            ),
        ],
    };
}
