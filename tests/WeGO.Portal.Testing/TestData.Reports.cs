using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Testing;

/// <summary>What follows a visit: the visit once it took place, its report in a chosen state, its follow-ups and its
/// news releases, each made through the use cases the pages send (../shared/seed/scenario.md for the facts).</summary>
public static partial class TestData
{
    /// <summary>The Seremban delegation's purpose, as the release quotes it.</summary>
    public const string HeldSerembanPurpose =
        "Introduce WeGO's operations worldwide and discuss collaboration towards Seremban becoming a WeGO member.";

    /// <summary>The Seremban visit's agenda, in order.</summary>
    public static readonly IReadOnlyList<AddAgendaItem.Command> HeldSerembanAgenda =
    [
        new()
        {
            StartsAt = new TimeOnly(10, 0),
            EndsAt = new TimeOnly(10, 15),
            Title = "Welcome address",
            Speaker = "Secretary General Jeong-kee Kim",
        },
        new()
        {
            StartsAt = new TimeOnly(10, 15),
            EndsAt = new TimeOnly(10, 45),
            Title = "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
            Speaker = "Councillor Lee Kai Yet",
        },
        new()
        {
            StartsAt = new TimeOnly(10, 45),
            EndsAt = new TimeOnly(11, 15),
            Title = "WeGO's activities, vision and flagship programmes",
            Speaker = "Program Director Lii Inn Tan",
        },
        new()
        {
            StartsAt = new TimeOnly(11, 15),
            EndsAt = new TimeOnly(12, 0),
            Title = "Questions and answers",
        },
    ];

    /// <summary>The report's text as the Seremban report reads once written.</summary>
    public static WriteVisitReport.Command SerembanReportText(int reportId, int version) =>
        new()
        {
            ReportId = reportId,
            Version = version,
            Summary = "Seremban City Council's delegation learned about WeGO's activities.",
            Participants = "Council members and government officials of Seremban City Council.",
            Outcomes =
                "Seremban City Council will prepare its membership application; "
                + "the Secretariat will share member cases on urban planning and inclusion.",
        };

    /// <summary><see cref="Seremban"/> (changed by <paramref name="change"/>) scheduled, confirmed and completed:
    /// a visit that took place, ready for its report. Returns the visit's id.</summary>
    public static async Task<int> VisitToReportAsync(
        this PortalFactory portal,
        Func<ScheduleVisit.Command, ScheduleVisit.Command>? change = null
    )
    {
        var visitId = await portal.ScheduleVisitAsync(change);
        await portal.ConfirmAndCompleteVisitToReportAsync(visitId);
        return visitId;
    }

    /// <summary>The Seremban visit as it took place (a uniquely named council unless <paramref name="change"/> names
    /// one): hosted by Secretary General Jeong-kee Kim and Program Director Lii Inn Tan, 36 delegates led by Lee Kai
    /// Yet, Councillor, Seremban City Council, its <see cref="HeldSerembanAgenda"/> and <see cref="SerembanTopics"/>;
    /// confirmed and completed. Returns the visit's id.</summary>
    public static async Task<int> SerembanVisitToReportAsync(
        this PortalFactory portal,
        Func<ScheduleVisit.Command, ScheduleVisit.Command>? change = null
    )
    {
        List<int> hosts =
        [
            await portal.SecretariatContactAsync("Jeong-kee Kim", "Secretary General"),
            await portal.SecretariatContactAsync("Lii Inn Tan", "Program Director"),
        ];
        var visitId = await portal.ScheduleVisitAsync(c =>
        {
            var held = c with
            {
                Purpose = HeldSerembanPurpose,
                HostContactIds = hosts,
                OtherHostName = null,
                OtherHostTitle = null,
                HeadOfDelegationTitle = "Councillor, Seremban City Council",
                Languages = "Malay, English",
            };
            return change is null ? held : change(held);
        });
        foreach (var item in HeldSerembanAgenda)
        {
            await portal.SendAsync(
                item with
                {
                    VisitId = visitId,
                    Version = await portal.VersionOfVisitToReportAsync(visitId),
                }
            );
        }

        await portal.RecordTopicsAsync(visitId);
        await portal.ConfirmAndCompleteVisitToReportAsync(visitId);
        return visitId;
    }

    /// <summary>The report of a completed visit, started, written (<see cref="SerembanReportText"/>, changed by
    /// <paramref name="write"/>) and taken to <paramref name="state"/> (approved unless told) as staff and a program
    /// director do. Returns the report's id.</summary>
    public static async Task<int> VisitReportAsync(
        this PortalFactory portal,
        int visitId,
        ReviewState state = ReviewState.Approved,
        Func<WriteVisitReport.Command, WriteVisitReport.Command>? write = null
    )
    {
        var reportId = (await portal.SendAsync(new StartVisitReport.Command(visitId))).Value;
        var text = SerembanReportText(reportId, version: 0);
        var version = (await portal.SendAsync(write is null ? text : write(text))).Version;
        if (state == ReviewState.Draft)
        {
            return reportId;
        }

        version = (await portal.SendAsync(new SubmitVisitReport.Command(reportId, version))).Version;
        if (state == ReviewState.Approved)
        {
            await portal.SendAsDirectorAsync(new ApproveVisitReport.Command(reportId, version));
        }
        else if (state == ReviewState.ChangesRequested)
        {
            await portal.SendAsync(
                new RequestReportChanges.Command
                {
                    ReportId = reportId,
                    Version = version,
                    Comment = "Please add what the Secretariat presented.",
                }
            );
        }

        return reportId;
    }

    /// <summary>The release of an approved report in <paramref name="language"/>, drafted and, when
    /// <paramref name="publish"/>, published. Returns the release's id.</summary>
    public static async Task<int> NewsReleaseAsync(
        this PortalFactory portal,
        int reportId,
        string language,
        bool publish = false
    )
    {
        var id = (
            await portal.SendAsync(new DraftNewsRelease.Command { ReportId = reportId, Language = language })
        ).Value;
        if (publish)
        {
            var version = (await portal.SendAsync(new GetNewsRelease.Query(id)))!.Version;
            await portal.SendAsync(new PublishNewsRelease.Command(id, version));
        }

        return id;
    }

    /// <summary>The address of a release on <paramref name="city"/>'s visit of 7 October 2024: "Seremban City Council
    /// 12" gives 2024-10-07-seremban-city-council-12.</summary>
    public static string SerembanReleaseSlug(string city) => "2024-10-07-" + city.ToLowerInvariant().Replace(' ', '-');

    /// <summary>The three follow-ups of the Seremban visit.</summary>
    public sealed record SerembanFollowUpIds(int MembershipPack, int MemberCases, int FeasibilityStudy);

    /// <summary>The Seremban visit's follow-ups, on <paramref name="visitId"/>: the membership pack (Lii Inn Tan, due
    /// 14 October 2024, done), member cases on urban-planning strategy and inclusion (Lii Inn Tan, due 25 October) and
    /// feasibility-study options (Jeong-kee Kim, due 8 November), the last two open.</summary>
    public static async Task<SerembanFollowUpIds> SerembanFollowUpsAsync(this PortalFactory portal, int visitId)
    {
        async Task<int> AddAsync(string description, string owner, DateOnly dueOn) =>
            (
                await portal.SendAsync(
                    new AddFollowUp.Command
                    {
                        VisitId = visitId,
                        Description = description,
                        OwnerName = owner,
                        DueOn = dueOn,
                    }
                )
            ).Value;

        var pack = await AddAsync(
            "Send membership information and the application form",
            "Lii Inn Tan",
            new DateOnly(2024, 10, 14)
        );
        await portal.SendAsync(new CompleteFollowUp.Command(pack, Version: 0));
        return new SerembanFollowUpIds(
            pack,
            await AddAsync(
                "Share member cases on urban-planning strategy and inclusion",
                "Lii Inn Tan",
                new DateOnly(2024, 10, 25)
            ),
            await AddAsync("Propose feasibility-study options", "Jeong-kee Kim", new DateOnly(2024, 11, 8))
        );
    }

    private static async Task<int> VersionOfVisitToReportAsync(this PortalFactory portal, int visitId) =>
        (await portal.SendAsync(new GetVisit.Query(visitId)))!.Version;

    private static async Task ConfirmAndCompleteVisitToReportAsync(this PortalFactory portal, int visitId)
    {
        await portal.SendAsync(new ConfirmVisit.Command(visitId, await portal.VersionOfVisitToReportAsync(visitId)));
        await portal.SendAsync(new CompleteVisit.Command(visitId, await portal.VersionOfVisitToReportAsync(visitId)));
    }
}
