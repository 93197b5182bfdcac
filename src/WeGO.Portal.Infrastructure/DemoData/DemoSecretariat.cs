using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.DemoData.Generation;

namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>The demo, written once on a first run: a year of a working secretariat around the day it is created
/// (<see cref="LivingHistory"/>), the seed's story of Seremban City Council from its visit to its place on the
/// Executive Committee's next agenda, and the network it is joining. Seremban's dates before the visit's follow-ups
/// are the seed's; the membership year is set around the day the demo is created, so the Committee's "next meeting"
/// is ahead of whoever opens the portal.</summary>
public static class DemoSecretariat
{
    private const string CommitteePresent =
        "Yesi Metropolitan City (chair), Contoh City Council, Örnek Municipality, Municipio de Ejemplo, "
        + "Mfano City County; Secretary General Jeong-kee Kim (secretary)";

    /// <summary>Creates the demo unless Seremban's record exists already; true when it did. One transaction: a
    /// failure leaves no half demo behind.</summary>
    public static Task<bool> EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var documents = services.GetRequiredService<CommandDocuments>();
        return db
            .Database.CreateExecutionStrategy()
            .ExecuteAsync(
                async ct =>
                {
                    db.ChangeTracker.Clear();
                    try
                    {
                        await using var transaction = await db.Database.BeginTransactionAsync(ct);
                        var created = await CreateAsync(services, db, ct);
                        await transaction.CommitAsync(ct);
                        documents.Keep();
                        return created;
                    }
                    catch
                    {
                        documents.Discard();
                        throw;
                    }
                },
                cancellationToken
            );
    }

    private static async Task<bool> CreateAsync(
        IServiceProvider services,
        PortalDbContext db,
        CancellationToken cancellationToken
    )
    {
        var realClock = services.GetRequiredService<TimeProvider>();
        if (await SerembanVisit.ExistsAsync(db, cancellationToken))
        {
            return false;
        }

        var today = SecretariatCalendar.Today(realClock);
        await LivingHistory.WriteAsync(services, db, today, cancellationToken);
        var visit = await SerembanVisit.CreateAsync(db, realClock, cancellationToken);

        // The year ends with the Committee's next meeting ahead of today; the last one was some nine months ago.
        var anchor = today < new DateOnly(2026, 1, 1) ? new DateOnly(2026, 1, 1) : today;
        var lastMeeting = PortalDataGenerator.Weekday(anchor.AddMonths(-9));
        var nextMeeting = PortalDataGenerator.Weekday(anchor.AddDays(45));

        await NetworkMembers.CreateAsync(db, lastMeeting.AddMonths(-7), cancellationToken);
        var clock = new StoryClock(realClock.GetUtcNow());
        var applicants = new DemoApplicants(
            db,
            clock,
            services.GetRequiredService<CommandDocuments>(),
            services.GetRequiredService<IOptions<MailSettings>>()
        );

        var jishee = await applicants.AcceptAsync(
            await NewAsync(
                db,
                "Jishee City",
                "MN",
                Region.EastAsia,
                OrganizationKind.LocalGovernment,
                ct: cancellationToken
            ),
            ("Bat Jishee", "bat.jishee@example.org", "en"),
            null,
            lastMeeting.AddDays(-210),
            lastMeeting.AddDays(-180),
            cancellationToken
        );
        var sampleData = await applicants.AcceptAsync(
            await NewAsync(
                db,
                "Sample Urban Data Pte. Ltd.",
                "SG",
                Region.AsiaPacific,
                OrganizationKind.SolutionProvider,
                ct: cancellationToken
            ),
            ("Alex Sample", "alex.sample@example.org", "en"),
            null,
            lastMeeting.AddDays(-130),
            lastMeeting.AddDays(-100),
            cancellationToken
        );
        var namuna = await applicants.AcceptAsync(
            await NewAsync(
                db,
                "Namuna Municipality",
                "NP",
                Region.AsiaPacific,
                OrganizationKind.LocalGovernment,
                ct: cancellationToken
            ),
            ("Sita Namuna", "sita.namuna@example.org", "en"),
            null,
            lastMeeting.AddDays(-95),
            lastMeeting.AddDays(-70),
            cancellationToken
        );

        var last = await applicants.MeetingAsync(
            lastMeeting,
            "WeGO Secretariat, Seoul",
            CommitteePresent,
            [jishee, sampleData, namuna],
            cancellationToken
        );
        await applicants.DecideAsync(
            last,
            jishee,
            CommitteeDecision.Approved,
            "The Executive Committee approves Jishee City as a Full member of WeGO.",
            cancellationToken
        );
        await applicants.DecideAsync(
            last,
            sampleData,
            CommitteeDecision.Approved,
            "The Executive Committee admits Sample Urban Data Pte. Ltd. as a Corporate member.",
            cancellationToken
        );
        await applicants.DecideAsync(
            last,
            namuna,
            CommitteeDecision.Deferred,
            "Deferred to the next meeting: the Committee asks for the municipal council's resolution to join.",
            cancellationToken
        );

        var muestra = await applicants.AcceptAsync(
            await NewAsync(
                db,
                "Ciudad Muestra",
                "MX",
                Region.LatinAmerica,
                OrganizationKind.LocalGovernment,
                ct: cancellationToken
            ),
            ("Lucía Muestra", "lucia.muestra@example.org", "es"),
            null,
            lastMeeting.AddDays(20),
            lastMeeting.AddDays(50),
            cancellationToken
        );

        var news = services.GetRequiredService<IOptions<NewsSettings>>();
        var inquiry = await SerembanAfterTheVisit.CreateAsync(db, clock, news, visit, cancellationToken);
        var seremban = await db.Organizations.SingleAsync(o => o.Id == visit.OrganizationId, cancellationToken);
        var serembanApplication = await applicants.AcceptAsync(
            seremban,
            (SerembanAfterTheVisit.OfficialName, SerembanAfterTheVisit.OfficialEmail, "en"),
            inquiry.Id,
            lastMeeting.AddDays(60),
            lastMeeting.AddDays(90),
            cancellationToken
        );

        await applicants.MeetingAsync(
            nextMeeting,
            null,
            null,
            [namuna, muestra, serembanApplication],
            cancellationToken
        );
        var mail = services.GetRequiredService<IOptions<MailSettings>>();
        await AskToVisitAsync(db, realClock, mail, today, cancellationToken);
        return true;
    }

    /// <summary>A city's request waiting in the triage queue, sent on the public form this morning, for dates some
    /// six weeks ahead.</summary>
    private static async Task AskToVisitAsync(
        PortalDbContext db,
        TimeProvider clock,
        IOptions<MailSettings> mail,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        await new SubmitVisitRequest.Handler(db, clock, mail).Handle(
            new SubmitVisitRequest.Command
            {
                OrganizationName = "Municipalidad de Ejemplo",
                CountryCode = "PE",
                ContactName = "Rosa Ejemplo",
                ContactPosition = "Gerente de Gobierno Digital",
                Email = "rosa.ejemplo@example.org",
                PreferredLanguage = "es",
                EarliestDate = today.AddDays(40),
                LatestDate = today.AddDays(47),
                Flexibility = DateFlexibility.FewDaysEitherWay,
                DelegationSize = 12,
                Purpose = "Conocer los programas de WeGO y la experiencia de Seúl en gobierno digital.",
                Topics = [MembershipInterest.CapacityBuilding, MembershipInterest.SeoulSmartCityPrize],
                Languages = "Español",
                InterpretationNeeded = true,
                ConsentGiven = true,
            },
            cancellationToken
        );

        // The Secretariat's real mailbox is not told of a made-up request; the city's confirmation goes to example.org.
        foreach (
            var notification in db
                .ChangeTracker.Entries<OutboxMessage>()
                .Where(e => e.State == EntityState.Added && e.Entity.To == mail.Value.SecretariatAddress)
                .ToList()
        )
        {
            notification.State = EntityState.Detached;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Organization> NewAsync(
        PortalDbContext db,
        string name,
        string country,
        Region region,
        OrganizationKind kind,
        string? localName = null,
        CancellationToken ct = default
    )
    {
        var organization = new Organization(name, country, region, kind, localName);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization;
    }
}
