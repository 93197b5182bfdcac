using System.Globalization;
using System.Text.Json;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Bench.Generation;

internal sealed partial class PortalDataGenerator
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
        VisitStatus Status
    );

    /// <summary>Cities (and some companies and institutions) in every region: as many as asked, else one for every
    /// twenty visits; at least three per region.</summary>
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
        var count = Math.Max(RegionsByWeight.Length * 3, options.Organizations ?? options.Visits / 20);
        organizations = new OrganizationRow[count];
        for (var i = 0; i < count; i++)
        {
            var region =
                i < RegionsByWeight.Length ? RegionsByWeight[i] : random.WeightedRandom(RegionsByWeight, RegionWeights);
            var country = random.ArrayElement(CountriesByRegion[region]);
            var locale = Vocabulary.Locale(country, region);
            var local = Local(locale);
            var kind = random.Float() switch
            {
                < 0.85f => OrganizationKind.LocalGovernment,
                < 0.93f => OrganizationKind.SolutionProvider,
                < 0.98f => OrganizationKind.Institution,
                _ => OrganizationKind.Other,
            };
            var city = english.Address.City();
            var name = kind switch
            {
                OrganizationKind.LocalGovernment => $"{city} {random.ArrayElement(Vocabulary.CouncilSuffixes)}",
                OrganizationKind.SolutionProvider => english.Company.CompanyName(),
                OrganizationKind.Institution => random.Bool()
                    ? $"University of {city}"
                    : $"{city} Institute of Urban Studies",
                _ => $"{city} Chamber of Commerce",
            };
            var localName =
                kind == OrganizationKind.LocalGovernment
                && !locale.StartsWith("en", StringComparison.Ordinal)
                && random.Bool(0.6f)
                    ? local.Address.City()
                    : null;
            int? population = kind == OrganizationKind.LocalGovernment ? random.Number(50_000, 12_000_000) : null;
            DateOnly? memberSince =
                kind == OrganizationKind.LocalGovernment && random.Bool(0.35f)
                    ? new DateOnly(2010, 9, 1).AddDays(
                        random.Number(0, options.AsOf.DayNumber - new DateOnly(2010, 9, 1).DayNumber)
                    )
                    : null;

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

            var contact = local.Name.FullName();
            contacts.Add(
                id,
                contact,
                random.ArrayElement(Vocabulary.ContactPositions),
                english.Internet.Email(),
                local.Phone.PhoneNumber(),
                id
            );
        }
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
            "ExpectedHeadcount"
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
            "DelegationId"
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
        var audit = bulk.Into(
            "AuditEntries",
            "Id",
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
            delegations.Add(id, id, head, headTitle, expected);

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
                        random.Bool(0.5f) ? english.Internet.Email() : null,
                        random.Bool(0.1f) ? random.ArrayElement(Vocabulary.DietaryNeeds) : null,
                        random.Bool(0.03f) ? "Wheelchair access" : null,
                        id
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
            if (plan.Status == VisitStatus.Completed && random.Bool(0.3f))
            {
                WriteReport(reports, comments, releases, id, plan, organization);
            }

            var actor = Staff(random).Name;
            audit.Add(
                audit.Rows + 1,
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
                    audit.Rows + 1,
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

    /// <summary>When, where and in which status one visit is. The first four cover every status whatever the
    /// volume.</summary>
    private VisitPlan PlanVisit(int index)
    {
        var organization = random.ArrayElement(organizations);
        var (venue, zone, _) = random.WeightedRandom(Vocabulary.Venues, VenueWeights);
        var date = index switch
        {
            0 => options.AsOf.AddDays(-100),
            1 => options.AsOf.AddDays(-200),
            2 => options.AsOf.AddDays(30),
            3 => options.AsOf.AddDays(120),
            _ => Weekday(FirstVisitDay.AddDays(random.Number(0, LastVisitDay.DayNumber - FirstVisitDay.DayNumber))),
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
            0 => VisitStatus.Completed,
            1 => VisitStatus.Cancelled,
            2 => VisitStatus.Confirmed,
            3 => VisitStatus.Requested,
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
        return new VisitPlan(organization, venue, zone, date, start, end, startsAtUtc, endsAtUtc, createdAtUtc, status);
    }

    private static DateOnly Weekday(DateOnly date) =>
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
            var notes = random.Bool(0.2f) ? english.Lorem.Sentence(8, 12) : null;
            agenda.Add(agenda.Rows + 1, a + 1, startsAt, endsAt, titles[a], speaker, notes, visitId);
        }
    }

    /// <summary>Completed visits leave promises behind; those due before "today" are mostly done, some dropped, some
    /// overdue.</summary>
    private void WriteVisitFollowUps(BulkInsert.Table followUps, int visitId, VisitPlan plan)
    {
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
        int? inquiryId
    )
    {
        var owner = Staff(random).Name;
        var status =
            due < options.AsOf
                ? random.Float() switch
                {
                    < 0.7f => FollowUpStatus.Done,
                    < 0.8f => FollowUpStatus.Dropped,
                    _ => FollowUpStatus.Open,
                }
                : FollowUpStatus.Open;
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
        var state = random.Float() switch
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
            + $"{english.Lorem.Paragraph(3)}\n\n{english.Lorem.Paragraph(2)}";
        var id = reports.Rows + 1;
        reports.Add(
            id,
            visitId,
            StaffId(author),
            author,
            summary,
            english.Lorem.Sentence(10),
            random.Bool() ? english.Lorem.Sentence(12) : null,
            random.Bool() ? english.Lorem.Sentence(12) : null,
            english.Lorem.Paragraph(2),
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
        if (approvedAtUtc is { } approved && releaseRandom.Bool(0.25f))
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
        string[] languages = releaseRandom.Float() switch
        {
            < 0.3f => ["en", "es"],
            < 0.5f => ["en", "ko"],
            _ => ["en"],
        };
        foreach (var language in languages)
        {
            releases.Add(
                releases.Rows + 1,
                reportId,
                language,
                slug,
                $"WeGO welcomes a delegation from {organization.Name}",
                $"Seoul, {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                $"A delegation from {organization.Name} visited the WeGO Secretariat to learn about its work "
                    + "with member cities, and both sides discussed how to work together on smart-city projects.",
                publishedAtUtc,
                0
            );
        }
    }

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
