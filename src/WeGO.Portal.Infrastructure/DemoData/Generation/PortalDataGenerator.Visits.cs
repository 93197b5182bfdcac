using System.Globalization;
using System.Text.Json;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Infrastructure.DemoData.Generation;

public sealed partial class PortalDataGenerator
{
    private static readonly Region[] RegionsByWeight =
    [
        Region.AsiaPacific,
        Region.EastAsia,
        Region.CentralAsia,
        Region.MiddleEastNorthAfrica,
        Region.Africa,
        Region.Mediterranean,
        Region.LatinAmerica,
        Region.NorthAmerica,
    ];

    private static readonly float[] RegionWeights = [0.35f, 0.12f, 0.08f, 0.10f, 0.10f, 0.10f, 0.12f, 0.03f];

    private static readonly float[] VenueWeights = [.. Vocabulary.Venues.Select(v => v.Weight)];

    private static readonly Dictionary<Region, string[]> CountriesByRegion = Countries
        .Codes.Order(StringComparer.Ordinal)
        .GroupBy(Countries.SuggestRegion)
        .ToDictionary(g => g.Key, g => g.ToArray());

    private sealed record OrganizationRow(
        int Id,
        string Name,
        string CountryCode,
        Region Region,
        OrganizationKind Kind,
        string Locale
    );

    private sealed record VisitPlan(
        OrganizationRow Organization,
        string Venue,
        string TimeZoneId,
        DateOnly Date,
        TimeOnly Start,
        TimeOnly End,
        DateTime StartsAtUtc,
        DateTime EndsAtUtc,
        DateTime CreatedAtUtc,
        VisitStatus Status,
        ReviewState? Report
    );

    /// <summary>Visits every volume has, relative to "today", so every page that looks at now has something to show:
    /// a report in each review state (the approved one with releases in three languages, the submitted one with an
    /// overdue follow-up), a cancelled visit, upcoming ones confirmed and requested, and one in the current calendar
    /// month.</summary>
    private static readonly (int DaysFromToday, VisitStatus Status, ReviewState? Report)[] Pins =
    [
        (-100, VisitStatus.Completed, ReviewState.Approved),
        (-200, VisitStatus.Cancelled, null),
        (30, VisitStatus.Confirmed, null),
        (120, VisitStatus.Requested, null),
        (-40, VisitStatus.Completed, ReviewState.Submitted),
        (-25, VisitStatus.Completed, ReviewState.ChangesRequested),
        (-12, VisitStatus.Completed, ReviewState.Draft),
    ];

    /// <summary>Cities (and some companies and institutions) in every region: as many as asked, else one for every
    /// twenty visits; at least three per region. About a third are in the member registry, in the categories their
    /// kind allows; the first is a city that joined after the first pinned visit.</summary>
    private void WriteOrganizations(BulkInsert bulk)
    {
        var table = bulk.Into(
            "Organizations",
            "Id",
            "Name",
            "NormalizedName",
            "LocalName",
            "CountryCode",
            "Region",
            "Kind",
            "Population",
            "MemberSince",
            "Version"
        );
        var contacts = bulk.Into("Contacts", "Id", "FullName", "Title", "Email", "Phone", "OrganizationId");
        var members = bulk.Into(
            "Members",
            "Id",
            "OrganizationId",
            "Kind",
            "Category",
            "Status",
            "MemberSince",
            "RegionalOfficeId",
            "Version"
        );
        var changes = bulk.Into("MembershipChange", "Id", "MemberId", "On", "Category", "Status", "Cause", "Reason");
        var count = Math.Max(RegionsByWeight.Length * 3, options.Organizations ?? options.Visits / 20);
        organizations = new OrganizationRow[count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var region =
                i < RegionsByWeight.Length ? RegionsByWeight[i] : random.WeightedRandom(RegionsByWeight, RegionWeights);
            var country = random.ArrayElement(CountriesByRegion[region]);
            var locale = Vocabulary.Locale(country, region);
            var local = Local(locale);
            var kind =
                i == 0
                    ? OrganizationKind.LocalGovernment
                    : random.Float() switch
                    {
                        < 0.85f => OrganizationKind.LocalGovernment,
                        < 0.93f => OrganizationKind.SolutionProvider,
                        < 0.98f => OrganizationKind.Institution,
                        _ => OrganizationKind.Other,
                    };
            var (city, name) = NameOrganization(kind, locale, names);
            var localName =
                kind == OrganizationKind.LocalGovernment && random.Bool(0.6f)
                    ? Vocabulary.LocalCouncilName(locale, city)
                    : null;
            int? population = kind == OrganizationKind.LocalGovernment ? random.Number(50_000, 12_000_000) : null;
            var firstMembers = new DateOnly(2010, 9, 1);
            DateOnly? memberSince = i switch
            {
                0 => Weekday(options.AsOf.AddDays(Pins[0].DaysFromToday)).AddDays(45),
                _ when random.Bool(kind == OrganizationKind.LocalGovernment ? 0.35f : 0.25f) => firstMembers.AddDays(
                    random.Number(0, options.AsOf.DayNumber - firstMembers.DayNumber)
                ),
                _ => null,
            };

            var id = i + 1;
            table.Add(
                id,
                name,
                Organization.NormalizeName(name),
                localName,
                country,
                region,
                kind,
                population,
                memberSince,
                0
            );
            organizations[i] = new OrganizationRow(id, name, country, region, kind, locale);
            if (memberSince is { } since)
            {
                WriteMember(members, changes, organizations[i], since, recent: i == 0);
            }

            var contact = local.Name.FullName();
            contacts.Add(
                id,
                contact,
                random.ArrayElement(Vocabulary.ContactPositions),
                english.Internet.Email(provider: Vocabulary.MailDomain),
                local.Phone.PhoneNumber(),
                id
            );
        }
    }

    /// <summary>A registry entry and its history: cities join as Associate members and most older ones became Full
    /// members at a later Committee; companies are Corporate members, institutions Friendship members; a few are
    /// suspended or withdrawn since.</summary>
    private void WriteMember(
        BulkInsert.Table members,
        BulkInsert.Table changes,
        OrganizationRow organization,
        DateOnly since,
        bool recent
    )
    {
        var id = members.Rows + 1;
        var history = new List<(DateOnly On, MembershipCategory Category, MemberStatus Status, string Cause)>();
        if (organization.Kind == OrganizationKind.LocalGovernment)
        {
            history.Add((since, MembershipCategory.Associate, MemberStatus.Active, $"Application accepted {since:O}"));
            var full = since.AddDays(random.Number(120, 400));
            if (!recent && full < options.AsOf && random.Bool(0.8f))
            {
                history.Add((full, MembershipCategory.Full, MemberStatus.Active, $"Executive Committee {full:O}"));
            }
        }
        else
        {
            var category =
                organization.Kind == OrganizationKind.SolutionProvider
                    ? MembershipCategory.Corporate
                    : MembershipCategory.Friendship;
            history.Add((since, category, MemberStatus.Active, $"Executive Committee {since:O}"));
        }

        var (lastOn, lastCategory, _, _) = history[^1];
        var later = lastOn.AddDays(random.Number(200, 900));
        var status =
            recent || later >= options.AsOf
                ? MemberStatus.Active
                : random.Float() switch
                {
                    < 0.05f => MemberStatus.Suspended,
                    < 0.08f => MemberStatus.Withdrawn,
                    _ => MemberStatus.Active,
                };
        if (status != MemberStatus.Active)
        {
            history.Add((later, lastCategory, status, $"Secretariat {later:O}"));
        }

        members.Add(
            id,
            organization.Id,
            organization.Kind,
            lastCategory,
            status,
            since,
            officeByRegion[organization.Region],
            0
        );
        foreach (var (on, category, changeStatus, cause) in history)
        {
            changes.Add(changes.Rows + 1, id, on, category, changeStatus, cause, null);
        }
    }

    /// <summary>A made-up place and the organisation's name; a few draws more when the name is taken, so a small
    /// demo names each organisation once (a large run repeats names, as a real registry has namesakes).</summary>
    private (string City, string Name) NameOrganization(OrganizationKind kind, string locale, HashSet<string> taken)
    {
        var word = Vocabulary.ExampleWord(locale);
        (string City, string Name) drawn = default;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var prefix = english.Random.ArrayElement(Vocabulary.PlacePrefixes);
            var suffix =
                prefix.Length == 0
                    ? english.Random.ArrayElement(Vocabulary.PlaceSuffixes[..^1])
                    : english.Random.ArrayElement(Vocabulary.PlaceSuffixes);
            var city = $"{prefix}{word}{suffix}";
            var name = kind switch
            {
                OrganizationKind.LocalGovernment => $"{city} {random.ArrayElement(Vocabulary.CouncilSuffixes)}",
                OrganizationKind.SolutionProvider => $"{word} {english.Random.ArrayElement(Vocabulary.CompanyStems)} "
                    + english.Random.ArrayElement(Vocabulary.CompanyForms),
                OrganizationKind.Institution => random.Bool()
                    ? $"University of {city}"
                    : $"{city} Institute of Urban Studies",
                _ => $"{city} Chamber of Commerce",
            };
            drawn = (city, name);
            if (taken.Add(name))
            {
                break;
            }
        }

        return drawn;
    }

    private void WriteVisits(BulkInsert bulk, BulkInsert.Table followUps)
    {
        var visits = bulk.Into(
            "Visits",
            "Id",
            "OrganizationId",
            "Purpose",
            "Venue",
            "TimeZoneId",
            "StartsAtUtc",
            "EndsAtUtc",
            "Status",
            "CancellationReason",
            "Languages",
            "InterpretationNeeded",
            "CreatedAtUtc",
            "Version"
        );
        var delegations = bulk.Into(
            "Delegation",
            "Id",
            "VisitId",
            "HeadOfDelegation",
            "HeadOfDelegationTitle",
            "ExpectedHeadcount",
            "ContactLanguage"
        );
        var members = bulk.Into(
            "DelegationMember",
            "Id",
            "FullName",
            "Title",
            "Organization",
            "Role",
            "Email",
            "DietaryNeeds",
            "AccessibilityNeeds",
            "DelegationId",
            "Precedence"
        );
        var hosts = bulk.Into("VisitHost", "Id", "Name", "Title", "StaffUserId", "Order", "VisitId");
        var agenda = bulk.Into(
            "AgendaItem",
            "Id",
            "Order",
            "StartsAt",
            "EndsAt",
            "Title",
            "Speaker",
            "Notes",
            "VisitId"
        );
        var topics = bulk.Into("TopicOfInterest", "Id", "Title", "VisitId");
        var reports = bulk.Into(
            "VisitReports",
            "Id",
            "VisitId",
            "AuthorId",
            "AuthorName",
            "Summary",
            "Participants",
            "DelegationPresentation",
            "SecretariatPresentation",
            "Outcomes",
            "AttachmentLinks",
            "AuthorLanguage",
            "State",
            "CreatedAtUtc",
            "UpdatedAtUtc",
            "SubmittedAtUtc",
            "ApprovedAtUtc",
            "ApprovedBy",
            "Version"
        );
        var comments = bulk.Into(
            "ReviewComment",
            "Id",
            "AuthorName",
            "Text",
            "ReplyToId",
            "WrittenAtUtc",
            "VisitReportId"
        );
        var releases = bulk.Into(
            "NewsReleases",
            "Id",
            "VisitReportId",
            "Language",
            "Slug",
            "Headline",
            "Dateline",
            "Body",
            "PublishedAtUtc",
            "Version"
        );
        // Without ids: the audit trail may already hold the portal's own first entries.
        var audit = bulk.Into(
            "AuditEntries",
            "OccurredAtUtc",
            "ActorId",
            "ActorName",
            "EntityType",
            "EntityId",
            "Action",
            "Changes"
        );

        // Ids follow the order visits were entered in, as they would in a portal used for years.
        var plans = Enumerable.Range(0, options.Visits).Select(PlanVisit).OrderBy(p => p.CreatedAtUtc).ToList();
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var id = i + 1;
            var organization = plan.Organization;
            var local = Local(organization.Locale);
            var language = LanguageOf(organization.Locale);
            var interpretation = language != "English" && random.Bool(0.5f);
            var topic = random.ArrayElement(Vocabulary.Topics);
            var purpose = string.Format(
                CultureInfo.InvariantCulture,
                random.ArrayElement(Vocabulary.Purposes),
                topic.ToLowerInvariant()
            );
            var cancellation =
                plan.Status == VisitStatus.Cancelled ? random.ArrayElement(Vocabulary.CancellationReasons) : null;
            visits.Add(
                id,
                organization.Id,
                purpose,
                plan.Venue,
                plan.TimeZoneId,
                plan.StartsAtUtc,
                plan.EndsAtUtc,
                plan.Status,
                cancellation,
                language == "English" ? "English" : $"{language}, English",
                interpretation,
                plan.CreatedAtUtc,
                0
            );

            var head = random.Bool(0.92f) ? local.Name.FullName() : null;
            var headTitle = head is null
                ? null
                : random.ArrayElement(
                    organization.Kind == OrganizationKind.LocalGovernment
                        ? Vocabulary.HeadTitles
                        : Vocabulary.CompanyHeadTitles
                );
            var expected = 2 + (int)(38 * Math.Pow(random.Double(), 2));
            delegations.Add(id, id, head, headTitle, expected, PortalLanguageOf(organization.Locale));

            if (plan.Status != VisitStatus.Requested && random.Bool(0.25f))
            {
                var size = random.Number(3, 15);
                for (var m = 0; m < size; m++)
                {
                    var role = m switch
                    {
                        0 when head is not null => DelegationRole.HeadOfDelegation,
                        1 when interpretation => DelegationRole.Interpreter,
                        _ when m == size - 1 => DelegationRole.SupportStaff,
                        _ => DelegationRole.Delegate,
                    };
                    var name = role == DelegationRole.HeadOfDelegation ? head! : local.Name.FullName();
                    members.Add(
                        members.Rows + 1,
                        name,
                        role == DelegationRole.HeadOfDelegation
                            ? headTitle
                            : random.ArrayElement(Vocabulary.DelegateTitles),
                        organization.Name,
                        role,
                        random.Bool(0.5f) ? english.Internet.Email(provider: Vocabulary.MailDomain) : null,
                        random.Bool(0.1f) ? random.ArrayElement(Vocabulary.DietaryNeeds) : null,
                        random.Bool(0.03f) ? "Wheelchair access" : null,
                        id,
                        m + 1
                    );
                }
            }

            var visitHosts = random.ArrayElements(Vocabulary.Staff, random.Number(1, 3));
            for (var h = 0; h < visitHosts.Length; h++)
            {
                hosts.Add(hosts.Rows + 1, visitHosts[h].Name, visitHosts[h].Title, null, h + 1, id);
            }

            WriteAgenda(agenda, id, plan, visitHosts[0], head);

            foreach (var title in random.ArrayElements(Vocabulary.Topics, random.Number(1, 4)))
            {
                topics.Add(topics.Rows + 1, title, id);
            }

            WriteVisitFollowUps(followUps, id, plan);
            if (plan.Report is not null || (plan.Status == VisitStatus.Completed && random.Bool(0.3f)))
            {
                WriteReport(reports, comments, releases, id, plan, organization);
            }

            var actor = Staff(random).Name;
            audit.Add(
                plan.CreatedAtUtc,
                null,
                actor,
                nameof(Visit),
                id.ToString(CultureInfo.InvariantCulture),
                "Added",
                JsonSerializer.Serialize(
                    new
                    {
                        Purpose = purpose,
                        plan.Venue,
                        plan.TimeZoneId,
                        plan.StartsAtUtc,
                        plan.EndsAtUtc,
                        Status = nameof(VisitStatus.Requested),
                    }
                )
            );
            if (plan.Status != VisitStatus.Requested)
            {
                var changedAt = Clamp(
                    plan.Status == VisitStatus.Completed
                        ? plan.EndsAtUtc.AddHours(2)
                        : plan.CreatedAtUtc.AddDays(random.Number(1, 10))
                );
                audit.Add(
                    changedAt,
                    null,
                    actor,
                    nameof(Visit),
                    id.ToString(CultureInfo.InvariantCulture),
                    "Modified",
                    JsonSerializer.Serialize(
                        new { Status = new[] { nameof(VisitStatus.Requested), plan.Status.ToString() } }
                    )
                );
            }

            if (id % RowsPerTransaction == 0)
            {
                bulk.Commit();
            }
        }
    }

    /// <summary>When, where and in which status one visit is. The first ones are the <see cref="Pins"/> and one in
    /// the current month; the rest fall anywhere between the options' first and last day.</summary>
    private VisitPlan PlanVisit(int index)
    {
        // The first pinned visit is the first organisation's, which joined the registry after it.
        var organization = index == 0 ? organizations[0] : random.ArrayElement(organizations);
        var (venue, zone, _) = random.WeightedRandom(Vocabulary.Venues, VenueWeights);
        var from = options.VisitsFrom;
        var date = index switch
        {
            _ when index < Pins.Length => Weekday(options.AsOf.AddDays(Pins[index].DaysFromToday)),
            // A week from today, or a week ago late in a month: either way in this month, on a working day.
            _ when index == Pins.Length => Weekday(options.AsOf.AddDays(options.AsOf.Day <= 19 ? 7 : -7)),
            _ => Weekday(from.AddDays(random.Number(0, options.VisitsUntil.DayNumber - from.DayNumber))),
        };
        var start = new TimeOnly(random.Number(9, 15), random.Bool() ? 0 : 30);
        var end = random.Bool(0.15f) ? new TimeOnly(17, 30) : start.AddHours(random.Number(1, 3));
        var startsAtUtc = VenueTime.ToUtc(date, start, zone);
        var endsAtUtc = VenueTime.ToUtc(date, end, zone);
        var createdAtUtc = Minutes(startsAtUtc.AddDays(-random.Number(14, 240)).AddMinutes(-random.Number(0, 600)));
        if (createdAtUtc > asOfUtc)
        {
            createdAtUtc = Minutes(asOfUtc.AddDays(-random.Number(0, 30)).AddMinutes(-random.Number(1, 600)));
        }

        var status = index switch
        {
            _ when index < Pins.Length => Pins[index].Status,
            _ when index == Pins.Length => endsAtUtc < asOfUtc ? VisitStatus.Completed : VisitStatus.Confirmed,
            _ when endsAtUtc < asOfUtc => random.Bool(0.88f) ? VisitStatus.Completed : VisitStatus.Cancelled,
            _ => random.Float() switch
            {
                < 0.1f => VisitStatus.Cancelled,
                var r when startsAtUtc < asOfUtc.AddDays(90) => r < 0.8f
                    ? VisitStatus.Confirmed
                    : VisitStatus.Requested,
                var r => r < 0.4f ? VisitStatus.Confirmed : VisitStatus.Requested,
            },
        };
        var report = index < Pins.Length ? Pins[index].Report : null;
        return new VisitPlan(
            organization,
            venue,
            zone,
            date,
            start,
            end,
            startsAtUtc,
            endsAtUtc,
            createdAtUtc,
            status,
            report
        );
    }

    /// <summary>The day itself, or the Monday after a weekend: visits and Committees fall on working days.</summary>
    internal static DateOnly Weekday(DateOnly date) =>
        date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };

    /// <summary>3 to 6 items from the welcome to the questions, timed back to back from the visit's start.</summary>
    private void WriteAgenda(
        BulkInsert.Table agenda,
        int visitId,
        VisitPlan plan,
        (string Name, string Title) firstHost,
        string? head
    )
    {
        var count = random.Number(3, 6);
        var titles = new List<string> { "Welcome address" };
        titles.AddRange(random.ArrayElements(Vocabulary.MiddleAgendaItems, count - 2));
        titles.Add(random.ArrayElement(Vocabulary.ClosingAgendaItems));
        var timed = random.Bool(0.9f);
        var at = plan.Start;
        for (var a = 0; a < titles.Count; a++)
        {
            var length = 15 * random.Number(1, 3);
            TimeOnly? startsAt = timed ? at : null;
            TimeOnly? endsAt = timed ? at.AddMinutes(length) : null;
            at = at.AddMinutes(length);
            var speaker = a switch
            {
                0 => $"{firstHost.Title} {firstHost.Name}",
                _ when a == titles.Count - 1 => null,
                _ => random.Bool() ? head : Staff(random).Name,
            };
            var notes = random.Bool(0.2f) ? english.Random.ArrayElement(Vocabulary.AgendaNotes) : null;
            agenda.Add(agenda.Rows + 1, a + 1, startsAt, endsAt, titles[a], speaker, notes, visitId);
        }
    }

    /// <summary>Completed visits leave promises behind; those due before "today" are mostly done, some dropped, some
    /// overdue. The visit whose report waits for review always has one overdue.</summary>
    private void WriteVisitFollowUps(BulkInsert.Table followUps, int visitId, VisitPlan plan)
    {
        if (plan.Report == ReviewState.Submitted)
        {
            var due = plan.Date.AddDays(14);
            var created = Clamp(plan.EndsAtUtc.AddHours(3));
            WriteFollowUp(followUps, Vocabulary.FollowUps[0], due, created, visitId, null, FollowUpStatus.Open);
        }

        var count = plan.Status switch
        {
            VisitStatus.Completed when random.Bool(0.6f) => random.Number(1, 3),
            VisitStatus.Confirmed when random.Bool(0.2f) => 1,
            _ => 0,
        };
        var createdAtUtc = Clamp(
            plan.Status == VisitStatus.Completed ? plan.EndsAtUtc.AddHours(3) : plan.CreatedAtUtc.AddDays(1)
        );
        foreach (var description in random.ArrayElements(Vocabulary.FollowUps, count))
        {
            var due = plan.Date.AddDays(random.Number(7, 60));
            WriteFollowUp(followUps, description, due, createdAtUtc, visitId, inquiryId: null);
        }
    }

    private void WriteFollowUp(
        BulkInsert.Table followUps,
        string description,
        DateOnly due,
        DateTime createdAtUtc,
        int? visitId,
        int? inquiryId,
        FollowUpStatus? pinned = null
    )
    {
        var owner = Staff(random).Name;
        var status = pinned
            ?? (
                due < options.AsOf
                    ? random.Float() switch
                    {
                        < 0.7f => FollowUpStatus.Done,
                        < 0.8f => FollowUpStatus.Dropped,
                        _ => FollowUpStatus.Open,
                    }
                    : FollowUpStatus.Open
            );
        DateTime? closedAtUtc =
            status == FollowUpStatus.Open
                ? null
                : Clamp(
                    Minutes(
                        due.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)
                            .AddDays(-random.Number(0, 10))
                            .AddMinutes(random.Number(0, 480))
                    )
                );
        if (closedAtUtc < createdAtUtc)
        {
            closedAtUtc = createdAtUtc;
        }

        followUps.Add(
            followUps.Rows + 1,
            description,
            owner,
            null,
            due,
            status,
            visitId,
            inquiryId,
            createdAtUtc,
            closedAtUtc,
            status == FollowUpStatus.Open ? null : owner,
            0
        );
    }

    /// <summary>Reports of completed visits: older ones mostly approved, recent ones still in drafting or
    /// review.</summary>
    private void WriteReport(
        BulkInsert.Table reports,
        BulkInsert.Table comments,
        BulkInsert.Table releases,
        int visitId,
        VisitPlan plan,
        OrganizationRow organization
    )
    {
        var recent = plan.EndsAtUtc > asOfUtc.AddDays(-60);
        var state = plan.Report
            ?? random.Float() switch
            {
                < 0.1f => recent ? ReviewState.Submitted : ReviewState.Draft,
                < 0.2f => ReviewState.ChangesRequested,
                < 0.4f => recent ? ReviewState.Draft : ReviewState.Submitted,
                _ => recent ? ReviewState.Submitted : ReviewState.Approved,
            };
        var author = Staff(random).Name;
        var createdAtUtc = Clamp(Minutes(plan.EndsAtUtc.AddDays(random.Number(1, 5))));
        var updatedAtUtc = Clamp(createdAtUtc.AddDays(random.Number(0, 3)));
        DateTime? submittedAtUtc = state is ReviewState.Draft ? null : updatedAtUtc;
        DateTime? approvedAtUtc =
            state is ReviewState.Approved ? Clamp(updatedAtUtc.AddDays(random.Number(1, 7))) : null;
        var summary =
            $"## {organization.Name} at the Secretariat\n\n"
            + $"{Paragraph(3, organization.Name, plan)}\n\n{Paragraph(2, organization.Name, plan)}";
        var id = reports.Rows + 1;
        reports.Add(
            id,
            visitId,
            StaffId(author),
            author,
            summary,
            $"The delegation of {organization.Name} and the Secretariat's team.",
            random.Bool() ? Paragraph(1, organization.Name, plan) : null,
            random.Bool() ? english.Random.ArrayElement(Vocabulary.SecretariatPresentations) : null,
            string.Join(" ", english.Random.ArrayElements(Vocabulary.Outcomes, 2)),
            random.Bool(0.3f) ? $"https://files.we-gov.org/visits/{visitId}/photos" : null,
            "en",
            state,
            createdAtUtc,
            updatedAtUtc,
            submittedAtUtc,
            approvedAtUtc,
            approvedAtUtc is null ? null : Vocabulary.ProgramDirector,
            0
        );
        if (approvedAtUtc is { } approved && (plan.Report == ReviewState.Approved || releaseRandom.Bool(0.25f)))
        {
            WriteReleases(releases, id, plan, organization, Clamp(approved.AddDays(releaseRandom.Number(0, 3))));
        }

        if (state == ReviewState.ChangesRequested)
        {
            comments.Add(
                comments.Rows + 1,
                Vocabulary.ProgramDirector,
                "Please add the outcomes agreed with the delegation.",
                null,
                Clamp(updatedAtUtc.AddDays(1)),
                id
            );
        }
    }

    /// <summary>A published release of an approved report: in English, and in Spanish or Korean for some.</summary>
    private void WriteReleases(
        BulkInsert.Table releases,
        int reportId,
        VisitPlan plan,
        OrganizationRow organization,
        DateTime publishedAtUtc
    )
    {
        var day = DateOnly.FromDateTime(plan.StartsAtUtc);
        var slug = $"{NewsRelease.SlugFor(organization.Name, day)}-{reportId}";
        string[] languages =
            plan.Report == ReviewState.Approved
                ? ["en", "es", "ko"]
                : releaseRandom.Float() switch
                {
                    < 0.3f => ["en", "es"],
                    < 0.5f => ["en", "ko"],
                    _ => ["en"],
                };
        foreach (var language in languages)
        {
            var (headline, dateline, body) = Vocabulary.Release(language, organization.Name, day);
            releases.Add(releases.Rows + 1, reportId, language, slug, headline, dateline, body, publishedAtUtc, 0);
        }
    }

    /// <summary>Sentences of a visit report about <paramref name="organization"/>, drawn from the vocabulary.</summary>
    private string Paragraph(int sentences, string organization, VisitPlan plan) =>
        string.Join(
            " ",
            english
                .Random.ArrayElements(Vocabulary.ReportSentences, sentences)
                .Select(s =>
                    string.Format(
                        CultureInfo.InvariantCulture,
                        s,
                        organization,
                        english.Random.ArrayElement(Vocabulary.Topics).ToLowerInvariant(),
                        plan.Venue
                    )
                )
        );

    /// <summary>The portal language the Secretariat writes to the delegation in: Spanish and Korean to those who speak
    /// them, English to everyone else.</summary>
    private static string PortalLanguageOf(string locale) =>
        locale[..2] switch
        {
            "es" => "es",
            "ko" => "ko",
            _ => "en",
        };

    private static string LanguageOf(string locale) =>
        locale[..2] switch
        {
            "ko" => "Korean",
            "ja" => "Japanese",
            "zh" => "Chinese",
            "id" => "Indonesian",
            "vi" => "Vietnamese",
            "es" => "Spanish",
            "pt" => "Portuguese",
            "fr" => "French",
            "de" => "German",
            "it" => "Italian",
            "tr" => "Turkish",
            "ru" => "Russian",
            "ar" => "Arabic",
            "fa" => "Persian",
            "uk" => "Ukrainian",
            "pl" => "Polish",
            "nl" => "Dutch",
            "el" => "Greek",
            _ => "English",
        };
}
