using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>The reference scenario (shared/seed/scenario.md): Seremban City Council's visit to the
/// Secretariat on 7 October 2024. Created once, as the first part of <see cref="DemoSecretariat"/>.</summary>
public static class SerembanVisit
{
    public const string CityName = "Seremban City Council";
    public const string CityNameEs = "Ayuntamiento de Seremban";
    public const string CityNameKo = "세렘반 시의회";
    public const string SecretaryGeneral = "Jeong-kee Kim";
    public const string ProgramDirector = "Lii Inn Tan";
    public const string HeadOfDelegation = "Lee Kai Yet";
    public const int Delegates = 36;
    public static readonly DateOnly Date = new(2024, 10, 7);

    /// <summary>The Secretariat's press contact as the seed's release names it: the one real address in the demo, a
    /// sender's contact on releases that no demo mail is addressed to.</summary>
    public const string PressContactEmail = "kakim@we-gov.org";

    /// <summary>Whether Seremban's record exists already: then the demo was written before.</summary>
    internal static Task<bool> ExistsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var normalized = Organization.NormalizeName(CityName);
        return db.Organizations.AnyAsync(
            o => o.NormalizedName == normalized && o.CountryCode == "MY",
            cancellationToken
        );
    }

    /// <summary>Creates the visit as the seed tells it.</summary>
    internal static async Task<Visit> CreateAsync(
        PortalDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seremban = new Organization(
            CityName,
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment,
            "Majlis Bandaraya Seremban"
        );
        seremban.NameInLanguages(null, CityNameEs, CityNameKo);
        db.Organizations.Add(seremban);

        // The release gives the day, not the hours: a morning session is assumed.
        var visit = Visit.Schedule(
            seremban,
            "Introduce WeGO's operations worldwide and discuss collaboration towards Seremban becoming a WeGO member.",
            "WeGO Secretariat, Seoul",
            Date,
            new TimeOnly(10, 0),
            new TimeOnly(12, 0),
            VenueTime.Seoul,
            now
        );
        visit.NameHeadOfDelegation(HeadOfDelegation, "Councillor, Seremban City Council");
        visit.ExpectHeadcount(Delegates);
        visit.DescribeLanguages("Malay, English", interpretationNeeded: false);
        visit.AddHost(SecretaryGeneral, "Secretary General");
        visit.AddHost(ProgramDirector, "Program Director");

        visit.AddAgendaItem(
            new TimeOnly(10, 0),
            new TimeOnly(10, 15),
            "Welcome address",
            $"Secretary General {SecretaryGeneral}"
        );
        visit.AddAgendaItem(
            new TimeOnly(10, 15),
            new TimeOnly(10, 45),
            "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
            $"Councillor {HeadOfDelegation}",
            "Malaysia Vision Valley 2.0: a state-led, private-sector-driven economic region "
                + "complementing Greater Kuala Lumpur."
        );
        visit.AddAgendaItem(
            new TimeOnly(10, 45),
            new TimeOnly(11, 15),
            "WeGO's activities, vision and flagship programmes",
            $"Program Director {ProgramDirector}",
            "Capacity-building projects, feasibility studies, the Seoul Smart City Prize, WeGO Smart City Champions."
        );
        visit.AddAgendaItem(new TimeOnly(11, 15), new TimeOnly(12, 0), "Questions and answers", null);

        visit.RecordTopic("Membership process");
        visit.RecordTopic("Cooperation opportunities");
        visit.RecordTopic("Feasibility-study opportunities");
        visit.RecordTopic("WeGO's network in Asia and the world");
        visit.RecordTopic("Members' smart-city initiatives on urban-planning strategy and inclusion");

        visit.Confirm();
        visit.Complete(now);
        db.Visits.Add(visit);

        db.Contacts.AddRange(
            new Contact(SecretaryGeneral, "Secretary General", organizationId: null),
            new Contact(ProgramDirector, "Program Director", organizationId: null),
            new Contact("Kakim Danabayev", "Press contact", organizationId: null, PressContactEmail, "+82-70-4202-9169")
        );
        await db.SaveChangesAsync(cancellationToken);

        db.Contacts.Add(new Contact(HeadOfDelegation, "Councillor", seremban.Id));
        var sendMembershipPack = new FollowUp(
            "Send membership information and the application form",
            ProgramDirector,
            null,
            new DateOnly(2024, 10, 14),
            visit.Id,
            null,
            now
        );
        sendMembershipPack.Complete(ProgramDirector, new DateTime(2024, 10, 11, 2, 0, 0, DateTimeKind.Utc));
        db.FollowUps.AddRange(
            sendMembershipPack,
            new FollowUp(
                "Share member cases on urban-planning strategy and inclusion",
                ProgramDirector,
                null,
                new DateOnly(2024, 10, 25),
                visit.Id,
                null,
                now
            ),
            new FollowUp(
                "Propose feasibility-study options",
                SecretaryGeneral,
                null,
                new DateOnly(2024, 11, 8),
                visit.Id,
                null,
                now
            )
        );
        await db.SaveChangesAsync(cancellationToken);
        return visit;
    }
}
