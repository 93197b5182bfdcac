using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The Secretariat's membership pipeline, through the real pipeline, with the clock at 20 November 2024,
/// 12:00 in Seoul, on one portal for the class. Inquiries are written as rows, unmatched and with no office unless the
/// test says, at the times it chooses: the public form's use case (TestData.MembershipInquiryAsync) matches and files
/// every inquiry at the clock's time, and these tests need the inquiries it never leaves. Each test looks only at its
/// own inquiries (by id, or by a made-up word in their names) and its own city records, or counts relative to
/// before.</summary>
public sealed class InquiryPipelineTests : IClassFixture<InquiryPipelineTests.Portal>
{
    private static readonly DateTimeOffset Noon20NovemberSeoul = new(2024, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2024, 11, 20);
    private static int references;

    private readonly ClockedPortal portal;

    /// <summary>The class's portal. Its clock is shared: each test starts it at noon on 20 November in Seoul (the tests
    /// of a class never run at the same time), and a test may move it on.</summary>
    public sealed class Portal : IDisposable
    {
        internal ClockedPortal Clocked { get; } =
            (ClockedPortal)new ClockedPortal(new FixedClock(Noon20NovemberSeoul)).Start();

        public void Dispose() => Clocked.Dispose();
    }

    public InquiryPipelineTests(Portal shared)
    {
        portal = shared.Clocked;
        portal.Clock.Now = Noon20NovemberSeoul;
    }

    /// <summary>A made-up word, capitalised, that no other test's names contain.</summary>
    private static string Word()
    {
        var word = TestData.DistinctWord();
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private static InquiryApplicant Applicant(
        string organization = "Seremban City Council",
        string country = "MY",
        OrganizationKind kind = OrganizationKind.LocalGovernment,
        string contact = "Lee Kai Yet",
        string email = "official@mbs.gov.my",
        string? message = "We would like to join WeGO."
    ) =>
        new(
            organization,
            country,
            kind,
            700000,
            contact,
            "Councillor",
            email,
            "+60 6-765 0000",
            "en",
            MembershipInterest.FeasibilityStudies,
            "Urban planning",
            "The visit to Seoul",
            null,
            message,
            ConsentGiven: true
        );

    /// <summary>An inquiry as the public form leaves it, then moved along the pipeline to <paramref name="stage"/>:
    /// by hand to Contacted, Declined or Withdrawn; further through an application opened from it (its signed form
    /// received for Under review, accepted for Approved), the inquiry following it. An inquiry that needs an
    /// application and no match is matched to a city record of its own.</summary>
    private async Task<int> InquiryAsync(
        InquiryApplicant? applicant = null,
        InquiryStage stage = InquiryStage.New,
        DateTime? submittedAtUtc = null,
        DateTime? stageChangedAtUtc = null,
        int? organizationId = null
    )
    {
        var reference = $"WGO-2024-T{Interlocked.Increment(ref references):00000}";
        if (TestData.FollowsApplication(stage) && organizationId is null)
        {
            organizationId = await CityAsync($"City of {reference}");
        }

        return await portal.WithDbAsync(async db =>
        {
            var submitted = submittedAtUtc ?? Noon20NovemberSeoul.UtcDateTime.AddDays(-1);
            var inquiry = new MembershipInquiry(
                reference,
                Guid.NewGuid().ToString("N"),
                applicant ?? Applicant(),
                submitted
            );
            if (organizationId is { } id)
            {
                inquiry.MatchTo(id);
            }

            var changed = stageChangedAtUtc ?? submitted;
            foreach (var step in TestData.InquiryPath(stage).Where(s => !TestData.FollowsApplication(s)))
            {
                inquiry.MoveTo(step, changed);
            }

            db.MembershipInquiries.Add(inquiry);
            await db.SaveChangesAsync();
            if (TestData.FollowsApplication(stage))
            {
                db.MembershipApplications.Add(TestData.InquiryApplication(inquiry, stage, Today, changed));
                await db.SaveChangesAsync();
            }

            return inquiry.Id;
        });
    }

    private Task<int> CityAsync(string name, string country = "KR") =>
        portal.WithDbAsync(async db =>
        {
            var city = new Organization(
                name,
                country,
                Countries.SuggestRegion(country),
                OrganizationKind.LocalGovernment
            );
            db.Organizations.Add(city);
            await db.SaveChangesAsync();
            return city.Id;
        });

    /// <summary>A Seremban council of its own (<paramref name="name"/>, unique unless given) whose visit took place
    /// (TestData), as the Secretariat keeps it after the visit; returns the city record's id.</summary>
    private async Task<int> SerembanAsync(string? name = null, string? localName = null)
    {
        var visit = await portal.VisitToReportAsync(c =>
            c with
            {
                OrganizationName = name ?? TestData.Unique("Seremban City Council"),
                LocalName = localName ?? c.LocalName,
            }
        );
        return await CityOfVisitAsync(visit);
    }

    private Task<int> CityOfVisitAsync(int visitId) =>
        portal.WithDbAsync(db => db.Visits.Where(v => v.Id == visitId).Select(v => v.OrganizationId).SingleAsync());

    /// <summary>A colleague whose account is named <paramref name="name"/> (unique, since accounts are unique by
    /// address): the portal shows the address's first part as their name.</summary>
    private Task<string> ColleagueAsync(string name, params string[] roles) =>
        portal.CreateStaffAsync($"{name}@we-gov.org", "Colleague-Password-2024", roles);

    private static string UniqueAccount(string name) => TestData.Unique(name).Replace(' ', '.');

    private async Task<GetInquiry.Details> InquiryDetailsAsync(int id) =>
        (await portal.SendAsync(new GetInquiry.Query(id)))!;

    private async Task<int> VersionAsync(int id) => (await InquiryDetailsAsync(id)).Version;

    private Task<MembershipInquiry> StoredAsync(int id) =>
        portal.WithDbAsync(db =>
            db.MembershipInquiries.AsNoTracking().Include(i => i.Notes).SingleAsync(i => i.Id == id)
        );

    private Task<ListInquiries.Result> ListAsync(ListInquiries.Filter filter) =>
        portal.SendAsync(new ListInquiries.Query(filter));

    [Fact]
    public async Task The_list_filters_by_stage_region_kind_dates_and_text_and_counts_each_stage_once()
    {
        // The test's four inquiries share a word in their names; the other filters are tried within them.
        var (ours, surname, domain) = (Word(), Word(), TestData.DistinctWord());
        var seremban = await InquiryAsync(
            Applicant($"Seremban City Council {ours}"),
            submittedAtUtc: new DateTime(2024, 11, 1, 1, 0, 0, DateTimeKind.Utc)
        );
        var cuenca = await InquiryAsync(
            Applicant($"Municipalidad de Cuenca {ours}", "EC", contact: $"Ana {surname}", email: "ana@cuenca.gob.ec"),
            InquiryStage.Contacted,
            new DateTime(2024, 11, 5, 1, 0, 0, DateTimeKind.Utc)
        );
        var quito = await InquiryAsync(
            Applicant($"Quito Tech {ours}", "EC", OrganizationKind.SolutionProvider, "Luis Mora", "luis@quitotech.ec"),
            InquiryStage.Declined,
            new DateTime(2024, 11, 10, 1, 0, 0, DateTimeKind.Utc)
        );
        var almaty = await InquiryAsync(
            Applicant($"Almaty Akimat {ours}", "KZ", contact: "Dana Sarsen", email: $"dana@{domain}.kz"),
            InquiryStage.Contacted,
            new DateTime(2024, 11, 15, 1, 0, 0, DateTimeKind.Utc)
        );

        // Newest first, chosen: with text and no sort the best match comes first (TextSearchTests).
        var all = await ListAsync(new ListInquiries.Filter { Text = ours, Sort = InquirySort.Newest });
        var latinAmerica = await ListAsync(
            new ListInquiries.Filter
            {
                Text = ours,
                Region = Region.LatinAmerica,
                Sort = InquirySort.Newest,
            }
        );
        var contactedInLatinAmerica = await ListAsync(
            new ListInquiries.Filter
            {
                Text = ours,
                Region = Region.LatinAmerica,
                Stage = InquiryStage.Contacted,
            }
        );
        var providers = await ListAsync(
            new ListInquiries.Filter { Text = ours, Kind = OrganizationKind.SolutionProvider }
        );
        var early = await ListAsync(
            new ListInquiries.Filter
            {
                Text = ours,
                Sort = InquirySort.Newest,
                From = new DateOnly(2024, 11, 1),
                To = new DateOnly(2024, 11, 5),
            }
        );
        var byContact = await ListAsync(new ListInquiries.Filter { Text = surname.ToLowerInvariant() });
        var byEmail = await ListAsync(new ListInquiries.Filter { Text = $"{domain}.kz" });

        Assert.Equal([almaty, quito, cuenca, seremban], all.Rows.Select(r => r.Id));
        Assert.Equal(4, all.TotalCount);
        Assert.Equal(1, all.CountsByStage[InquiryStage.New]);
        Assert.Equal(2, all.CountsByStage[InquiryStage.Contacted]);
        Assert.Equal(1, all.CountsByStage[InquiryStage.Declined]);
        Assert.Equal(0, all.CountsByStage[InquiryStage.Approved]);
        Assert.Equal([quito, cuenca], latinAmerica.Rows.Select(r => r.Id));
        Assert.Equal([cuenca], contactedInLatinAmerica.Rows.Select(r => r.Id));
        Assert.Equal(1, contactedInLatinAmerica.CountsByStage[InquiryStage.Declined]);
        Assert.Equal(2, contactedInLatinAmerica.CountAllStages);
        Assert.Equal([quito], providers.Rows.Select(r => r.Id));
        Assert.Equal([cuenca, seremban], early.Rows.Select(r => r.Id));
        Assert.Equal([cuenca], byContact.Rows.Select(r => r.Id));
        Assert.Equal([almaty], byEmail.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_reference_from_the_notification_email_finds_its_inquiry_and_pages_stay_newest_first()
    {
        var ours = Word();
        var ids = new List<int>();
        for (var day = 1; day <= 5; day++)
        {
            ids.Add(
                await InquiryAsync(
                    Applicant($"Seremban City Council {ours}"),
                    submittedAtUtc: new DateTime(2024, 11, day, 1, 0, 0, DateTimeKind.Utc)
                )
            );
        }

        var reference = (await StoredAsync(ids[2])).Reference;
        var byReference = await ListAsync(new ListInquiries.Filter { Text = $" {reference.ToLowerInvariant()} " });
        var secondPage = await portal.SendAsync(
            new ListInquiries.Query(new ListInquiries.Filter { Text = ours }, Page: 2, PageSize: 2)
        );
        var oldestFirst = await portal.SendAsync(
            new ListInquiries.Query(new ListInquiries.Filter { Text = ours, Sort = InquirySort.Oldest }, PageSize: 2)
        );

        Assert.Equal([ids[2]], byReference.Rows.Select(r => r.Id));
        Assert.Equal([ids[2], ids[1]], secondPage.Rows.Select(r => r.Id));
        Assert.Equal(3, secondPage.PageCount);
        Assert.Equal([ids[0], ids[1]], oldestFirst.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Export_of_filtered_inquiries_is_utf8_with_bom_keeps_korean_quotes_separators_defuses_formulas()
    {
        var ours = TestData.DistinctWord();
        await InquiryAsync(
            Applicant("수원시, \"Suwon\"", "KR", contact: "=HYPERLINK(\"http://evil\")", email: $"kim@{ours}.go.kr")
        );
        await InquiryAsync(
            Applicant("Quito Tech", "EC", OrganizationKind.SolutionProvider, email: $"luis@{ours}.ec"),
            InquiryStage.Declined
        );

        var csv = await portal.SendAsync(
            new ExportInquiries.Query(new ListInquiries.Filter { Text = ours, Stage = InquiryStage.New })
        );

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,Submitted (Asia/Seoul),Organisation,Country", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.Contains("\"수원시, \"\"Suwon\"\"\"", row, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains(",New,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Quito", row, StringComparison.Ordinal);
    }

    public static TheoryData<InquiryStage> Stages() => [.. Enum.GetValues<InquiryStage>()];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task From_each_stage_only_the_allowed_hand_moves_succeed_and_every_other_is_refused(InquiryStage from)
    {
        var allowed = new Dictionary<InquiryStage, InquiryStage[]>
        {
            [InquiryStage.New] = [InquiryStage.Contacted, InquiryStage.Declined, InquiryStage.Withdrawn],
            [InquiryStage.Contacted] = [InquiryStage.Declined, InquiryStage.Withdrawn],
            [InquiryStage.Declined] = [],
            [InquiryStage.Withdrawn] = [],
        };
        var followsApplication = !allowed.ContainsKey(from);

        foreach (var to in Enum.GetValues<InquiryStage>())
        {
            var city = await CityAsync($"City {from} {to}");
            var id = await InquiryAsync(Applicant($"City {from} {to}", "KR"), from, organizationId: city);
            var move = new MoveInquiry.Command
            {
                InquiryId = id,
                Version = 0,
                Stage = to,
            };

            if (!followsApplication && allowed[from].Contains(to))
            {
                await portal.SendAsync(move);
                Assert.Equal(to, (await StoredAsync(id)).Stage);
                Assert.Equal(Noon20NovemberSeoul.UtcDateTime, (await StoredAsync(id)).StageChangedAtUtc);
            }
            else
            {
                var refused = await Assert.ThrowsAsync<DomainException>(() => portal.SendAsync(move));
                Assert.Equal(
                    followsApplication ? "Inquiry.StageFollowsApplication" : "Inquiry.StageChangeRefused",
                    refused.Code
                );
                Assert.Equal(from, (await StoredAsync(id)).Stage);
            }
        }
    }

    [Fact]
    public async Task The_inquiry_follows_its_application_and_the_city_is_a_member_from_the_Secretariat_s_acceptance()
    {
        var inquiry = await portal.MembershipInquiryAsync(InquiryStage.Contacted, c =>
            c with
            {
                OrganizationName = $"{TestData.DistinctWord()} City Council",
            }
        );
        var organizationId = (await StoredAsync(inquiry.Id)).OrganizationId!.Value;

        var applicationId = (await portal.SendAsync(new StartApplication.Command { InquiryId = inquiry.Id }))
            .ApplicationId
            .Value;
        Assert.Equal(InquiryStage.ApplicationSent, (await StoredAsync(inquiry.Id)).Stage);
        Assert.Null(
            await portal.WithDbAsync(db =>
                db.Organizations.Where(o => o.Id == organizationId).Select(o => o.MemberSince).SingleAsync()
            )
        );

        await portal.SendAsync(
            new AddApplicationDocument.Command
            {
                ApplicationId = applicationId,
                Version = await portal.ApplicationVersionAsync(applicationId),
                FileName = "form.pdf",
                File = TestData.SignedFormPdf,
            }
        );
        Assert.Equal(InquiryStage.UnderReview, (await StoredAsync(inquiry.Id)).Stage);

        portal.Clock.Now = new DateTimeOffset(2024, 11, 20, 23, 30, 0, TimeSpan.Zero); // already 21 November in Seoul
        await portal.CheckAndAcceptAsync(applicationId);

        Assert.Equal(InquiryStage.Approved, (await StoredAsync(inquiry.Id)).Stage);
        Assert.Contains((await InquiryDetailsAsync(inquiry.Id)).History, h => h.Action == "Stage Approved");
        Assert.Equal(
            new DateOnly(2024, 11, 21),
            await portal.WithDbAsync(db =>
                db.Organizations.Where(o => o.Id == organizationId).Select(o => o.MemberSince).SingleAsync()
            )
        );
        Assert.Equal(
            MembershipCategory.Associate,
            await portal.WithDbAsync(db =>
                db.Members.Where(m => m.OrganizationId == organizationId).Select(m => m.Category).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task Once_an_application_exists_no_hand_moves_the_inquiry_and_a_withdrawn_application_withdraws_it()
    {
        var inquiry = await portal.MembershipInquiryAsync(InquiryStage.ApplicationSent, c =>
            c with
            {
                OrganizationName = $"{TestData.DistinctWord()} City Council",
            }
        );

        var version = (await StoredAsync(inquiry.Id)).Version;
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(
                new MoveInquiry.Command
                {
                    InquiryId = inquiry.Id,
                    Version = version,
                    Stage = InquiryStage.Declined,
                }
            )
        );
        Assert.Equal("Inquiry.StageFollowsApplication", refused.Code);
        Assert.Equal(InquiryStage.ApplicationSent, (await StoredAsync(inquiry.Id)).Stage);

        var applicationId = await portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.InquiryId == inquiry.Id).Select(a => a.Id).SingleAsync()
        );
        await portal.SendAsync(
            new WithdrawApplication.Command(applicationId, await portal.ApplicationVersionAsync(applicationId))
        );
        Assert.Equal(InquiryStage.Withdrawn, (await StoredAsync(inquiry.Id)).Stage);
    }

    [Fact]
    public async Task A_move_without_a_stage_is_refused_on_the_stage_field()
    {
        var id = await InquiryAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(new MoveInquiry.Command { InquiryId = id })
        );

        Assert.Equal([nameof(MoveInquiry.Command.Stage)], refused.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public async Task Matching_merges_the_inquiry_into_an_existing_city_record_and_splitting_creates_a_new_one()
    {
        // A Seremban of the test's own, named by a made-up word: the similar names offered are the closest few.
        var word = Word();
        var (name, localName) = ($"{word} City Council", $"Majlis Bandaraya {word}");
        var seremban = await SerembanAsync(name, localName);
        var id = await InquiryAsync(Applicant(localName, "MY"));

        var candidates = (await portal.SendAsync(new MatchInquiry.CandidatesQuery(id, word)))!;
        await portal.SendAsync(
            new MatchInquiry.Command
            {
                InquiryId = id,
                Version = 0,
                OrganizationId = seremban,
            }
        );
        var matched = await InquiryDetailsAsync(id);
        await portal.SendAsync(new SplitInquiry.Command(id, matched.Version));
        var split = await InquiryDetailsAsync(id);

        Assert.Contains(candidates.Similar, c => c.Id == seremban && c.Visits == 1);
        Assert.Contains(candidates.Found, c => c.Id == seremban);
        Assert.Equal(seremban, matched.OrganizationId);
        Assert.Equal(name, matched.City!.Name);
        Assert.NotEqual(seremban, split.OrganizationId);
        var created = await portal.WithDbAsync(db =>
            db.Organizations.AsNoTracking().SingleAsync(o => o.Id == split.OrganizationId)
        );
        Assert.Equal(
            (localName, "MY", Region.AsiaPacific, OrganizationKind.LocalGovernment, (int?)700000),
            (created.Name, created.CountryCode, created.Region, created.Kind, created.Population)
        );
        Assert.Empty(split.City!.Visits);
    }

    [Fact]
    public async Task Matching_to_a_record_that_does_not_exist_is_refused()
    {
        var id = await InquiryAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(
                new MatchInquiry.Command
                {
                    InquiryId = id,
                    Version = 0,
                    OrganizationId = 9999,
                }
            )
        );

        Assert.Equal("Organization.NotFound", refused.Code);
        Assert.Null((await StoredAsync(id)).OrganizationId);
    }

    [Fact]
    public async Task Inquiry_page_shows_city_context_visits_other_inquiries_open_follow_ups_and_suggested_office()
    {
        var visit = await portal.VisitToReportAsync();
        await portal.SerembanFollowUpsAsync(visit);
        var seremban = await CityOfVisitAsync(visit);
        var earlier = await InquiryAsync(
            stage: InquiryStage.Withdrawn,
            submittedAtUtc: new DateTime(2023, 5, 1, 0, 0, 0, DateTimeKind.Utc),
            organizationId: seremban
        );
        var id = await InquiryAsync(organizationId: seremban);

        var details = await InquiryDetailsAsync(id);

        Assert.Equal([InquiryStage.Contacted, InquiryStage.Declined, InquiryStage.Withdrawn], details.NextStages);
        Assert.Null(details.RegionalOffice);
        Assert.Equal("WeGO Secretariat", details.SuggestedOffice!.Name);
        var city = details.City!;
        Assert.Equal(seremban, city.Id);
        Assert.Single(city.Visits);
        Assert.Equal([earlier], city.OtherInquiries.Select(i => i.Id));
        Assert.Equal(
            ["Share member cases on urban-planning strategy and inclusion", "Propose feasibility-study options"],
            city.OpenFollowUps.Select(f => f.Description)
        );
        Assert.Contains(details.History, h => h.Action == "Added");
    }

    [Fact]
    public async Task Notes_are_written_by_the_signed_in_colleague_and_recorded_in_the_history()
    {
        var id = await InquiryAsync();
        var mina = new Colleague(await ColleagueAsync(UniqueAccount("mina"), Roles.SecretariatStaff), "Mina Park");

        await portal.SendAsAsync(
            mina,
            new AddInquiryNote.Command
            {
                InquiryId = id,
                Version = 0,
                Note = "Called the councillor's office; they will apply in January.",
            }
        );

        var details = await InquiryDetailsAsync(id);
        var note = Assert.Single(details.Notes);
        Assert.Equal(
            (
                "Called the councillor's office; they will apply in January.",
                "Mina Park",
                Noon20NovemberSeoul.UtcDateTime
            ),
            (note.Text, note.Author, note.WrittenAtUtc)
        );
        Assert.Equal(1, details.Version);
        Assert.Contains(details.History, h => h.Action == "InquiryNote Added" && h.ActorName == "Mina Park");
        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(
                new AddInquiryNote.Command
                {
                    InquiryId = id,
                    Version = 1,
                    Note = " ",
                }
            )
        );
        Assert.Equal([nameof(AddInquiryNote.Command.Note)], refused.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public async Task Assignment_gives_the_inquiry_to_an_office_and_a_colleague_and_refuses_strangers()
    {
        var id = await InquiryAsync(Applicant("Municipalidad de Cuenca", "EC"));
        var minaAccount = UniqueAccount("mina");
        var mina = await ColleagueAsync(minaAccount, Roles.SecretariatStaff);
        var roleless = await ColleagueAsync(UniqueAccount("former"));
        var choices = await portal.SendAsync(new AssignInquiry.ChoicesQuery());
        var latinAmerica = choices.Offices.Single(o => o.City == "Cuenca");

        Assert.Equal("Regional Office for Latin America", (await InquiryDetailsAsync(id)).SuggestedOffice!.Name);
        await portal.SendAsync(
            new AssignInquiry.Command
            {
                InquiryId = id,
                Version = 0,
                RegionalOfficeId = latinAmerica.Id,
                OwnerUserId = mina,
            }
        );

        var details = await InquiryDetailsAsync(id);
        Assert.Equal(latinAmerica.Id, details.RegionalOffice!.Id);
        Assert.Null(details.SuggestedOffice);
        Assert.Equal(minaAccount, details.OwnerName);
        Assert.Contains(choices.Staff, s => s.Id == mina);
        Assert.Equal(
            "Inquiry.OwnerUnknown",
            (
                await Assert.ThrowsAsync<DomainException>(() =>
                    portal.SendAsync(
                        new AssignInquiry.Command
                        {
                            InquiryId = id,
                            Version = 1,
                            OwnerUserId = roleless,
                        }
                    )
                )
            ).Code
        );
        Assert.Equal(
            "Inquiry.OfficeUnknown",
            (
                await Assert.ThrowsAsync<DomainException>(() =>
                    portal.SendAsync(
                        new AssignInquiry.Command
                        {
                            InquiryId = id,
                            Version = 1,
                            RegionalOfficeId = 9999,
                        }
                    )
                )
            ).Code
        );
    }

    [Fact]
    public async Task A_change_made_from_a_stale_page_is_refused_as_a_conflict()
    {
        var id = await InquiryAsync();
        await portal.SendAsync(
            new MoveInquiry.Command
            {
                InquiryId = id,
                Version = 0,
                Stage = InquiryStage.Contacted,
            }
        );

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            portal.SendAsync(
                new AddInquiryNote.Command
                {
                    InquiryId = id,
                    Version = 0,
                    Note = "Written on an old page",
                }
            )
        );

        Assert.Empty((await StoredAsync(id)).Notes);
    }

    [Fact]
    public async Task Anonymizing_erases_the_person_everywhere_and_keeps_what_statistics_need()
    {
        var id = await InquiryAsync(stage: InquiryStage.Declined);
        await portal.SendAsync(
            new AddInquiryNote.Command
            {
                InquiryId = id,
                Version = 0,
                Note = "Lee Kai Yet asked to be called back",
            }
        );

        await portal.SendAsync(new AnonymizeInquiry.Command(id, 1));

        var stored = await StoredAsync(id);
        Assert.Equal(
            ("MY", OrganizationKind.LocalGovernment, InquiryStage.Declined, "Seremban City Council"),
            (stored.CountryCode, stored.Kind, stored.Stage, stored.OrganizationName)
        );
        Assert.Equal(Noon20NovemberSeoul.UtcDateTime.AddDays(-1), stored.SubmittedAtUtc);
        Assert.Equal(Noon20NovemberSeoul.UtcDateTime, stored.AnonymizedAtUtc);
        Assert.Null(stored.Phone);
        Assert.Null(stored.Message);
        var everything = await portal.WithDbAsync(async db =>
            string.Join(
                "\n",
                await db
                    .AuditEntries.Where(a =>
                        a.EntityType == nameof(MembershipInquiry)
                        && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    )
                    .Select(a => a.Changes)
                    .ToListAsync()
            )
            + JsonOf(stored)
            + string.Join("\n", stored.Notes.Select(n => n.Text))
        );
        foreach (
            var personal in new[]
            {
                "Lee Kai Yet",
                "official@mbs.gov.my",
                "765 0000",
                "would like to join",
                "called back",
            }
        )
        {
            Assert.DoesNotContain(personal, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymizing_erases_the_inquirys_messages_audit_values_and_withdrawn_application_with_its_file()
    {
        var (name, email) = ($"Lee {Word()}", $"{TestData.DistinctWord()}@mbs.gov.my");
        var id = await InquiryAsync(
            Applicant(contact: name, email: email),
            InquiryStage.Contacted,
            organizationId: await CityAsync($"City of {Word()}", "MY")
        );
        var applicationId = (await portal.SendAsync(new StartApplication.Command { InquiryId = id }))
            .ApplicationId
            .Value;
        await portal.SendAsync(
            new AddApplicationDocument.Command
            {
                ApplicationId = applicationId,
                Version = await portal.ApplicationVersionAsync(applicationId),
                FileName = "form.pdf",
                File = TestData.SignedFormPdf,
            }
        );
        await portal.SendAsync(
            new WithdrawApplication.Command(applicationId, await portal.ApplicationVersionAsync(applicationId))
        );
        var storedName = await portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.Id == applicationId)
                .SelectMany(a => a.Documents)
                .Select(d => d.StoredName)
                .SingleAsync()
        );
        var (toThem, aboutThem, unrelated, oldAudit) = await portal.WithDbAsync(async db =>
        {
            var at = Noon20NovemberSeoul.UtcDateTime;
            var messages = new[]
            {
                new OutboxMessage(email, "Your inquiry", "Dear colleague, thank you.", "en", at, "InquiryReceived"),
                new OutboxMessage("secretariat@we-gov.org", "New inquiry", $"From {name}.", "en", at, "NewInquiry"),
                new OutboxMessage("secretariat@we-gov.org", "New inquiry", "From Ana Mora.", "en", at, "NewInquiry"),
            };
            // An audit value written before the field was marked personal.
            var audit = new AuditEntry(
                at,
                null,
                "system",
                nameof(MembershipInquiry),
                $"{id}",
                "Imported",
                $$"""{"Email":"{{email}}","Stage":"Contacted"}"""
            );
            db.OutboxMessages.AddRange(messages);
            db.AuditEntries.Add(audit);
            await db.SaveChangesAsync();
            return (messages[0].Id, messages[1].Id, messages[2].Id, audit.Id);
        });
        Assert.NotNull(portal.Services.GetRequiredService<IDocumentStore>().OpenRead(storedName));

        await portal.SendAsync(new AnonymizeInquiry.Command(id, await VersionAsync(id)));

        var (messagesAfter, auditAfter, application) = await portal.WithDbAsync(async db =>
            (
                await db
                    .OutboxMessages.AsNoTracking()
                    .Where(m => new[] { toThem, aboutThem, unrelated }.Contains(m.Id))
                    .OrderBy(m => m.Id)
                    .ToListAsync(),
                await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == oldAudit),
                await db
                    .MembershipApplications.AsNoTracking()
                    .Include(a => a.Documents)
                    .SingleAsync(a => a.Id == applicationId)
            )
        );
        Assert.Equal(
            [OutboxMessage.ErasedRecipient, OutboxMessage.ErasedRecipient, "secretariat@we-gov.org"],
            messagesAfter.Select(m => m.To)
        );
        Assert.Equal(["", "", "From Ana Mora."], messagesAfter.Select(m => m.Body));
        Assert.Equal(["InquiryReceived", "NewInquiry", "NewInquiry"], messagesAfter.Select(m => m.Kind));
        Assert.Equal("""{"Email":"(erased)","Stage":"Contacted"}""", auditAfter.Changes);
        Assert.Equal(
            (Erased.Mark, Erased.Mark, ApplicationState.Withdrawn, 0),
            (application.ContactName, application.ContactEmail, application.State, application.Documents.Count)
        );
        Assert.Null(portal.Services.GetRequiredService<IDocumentStore>().OpenRead(storedName));
        Assert.Equal(InquiryStage.Withdrawn, (await StoredAsync(id)).Stage);
    }

    [Fact]
    public async Task Open_inquiries_cannot_be_anonymized()
    {
        foreach (var stage in new[] { InquiryStage.New, InquiryStage.Contacted, InquiryStage.UnderReview })
        {
            var id = await InquiryAsync(stage: stage);

            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                portal.SendAsync(new AnonymizeInquiry.Command(id, 0))
            );

            Assert.Equal("Inquiry.AnonymizeOnlyClosed", refused.Code);
            Assert.Equal("Lee Kai Yet", (await StoredAsync(id)).ContactName);
        }
    }

    [Fact]
    public async Task Retention_anonymizes_only_closed_inquiries_whose_stage_changed_longer_ago_than_the_setting()
    {
        var now = Noon20NovemberSeoul.UtcDateTime;
        var expiredDeclined = await InquiryAsync(
            stage: InquiryStage.Declined,
            submittedAtUtc: now.AddDays(-900),
            stageChangedAtUtc: now.AddDays(-731)
        );
        var expiredWithdrawn = await InquiryAsync(
            stage: InquiryStage.Withdrawn,
            submittedAtUtc: now.AddDays(-900),
            stageChangedAtUtc: now.AddDays(-800)
        );
        var recentlyDeclined = await InquiryAsync(
            stage: InquiryStage.Declined,
            submittedAtUtc: now.AddDays(-900),
            stageChangedAtUtc: now.AddDays(-729)
        );
        var oldButOpen = await InquiryAsync(
            stage: InquiryStage.Contacted,
            submittedAtUtc: now.AddDays(-900),
            stageChangedAtUtc: now.AddDays(-800)
        );
        var seremban = await SerembanAsync();
        var oldApproved = await InquiryAsync(
            stage: InquiryStage.Approved,
            submittedAtUtc: now.AddDays(-900),
            stageChangedAtUtc: now.AddDays(-800),
            organizationId: seremban
        );

        // Exact counts: no other test of the class closes an inquiry more than two years before its clock.
        var never = await portal.RunAsSystemAsync(m => m.Send(new AnonymizeExpiredInquiries.Command(0)));
        var first = await portal.RunAsSystemAsync(m => m.Send(new AnonymizeExpiredInquiries.Command(730)));
        var second = await portal.RunAsSystemAsync(m => m.Send(new AnonymizeExpiredInquiries.Command(730)));

        Assert.Equal((0, 2, 0), (never, first, second));
        Assert.NotNull((await StoredAsync(expiredDeclined)).AnonymizedAtUtc);
        Assert.NotNull((await StoredAsync(expiredWithdrawn)).AnonymizedAtUtc);
        foreach (var kept in new[] { recentlyDeclined, oldButOpen, oldApproved })
        {
            Assert.Equal("Lee Kai Yet", (await StoredAsync(kept)).ContactName);
        }

        Assert.Contains((await InquiryDetailsAsync(expiredDeclined)).History, h => h.ActorName == "system");
    }

    private static string JsonOf(MembershipInquiry inquiry) =>
        System.Text.Json.JsonSerializer.Serialize(
            new
            {
                inquiry.ContactName,
                inquiry.ContactPosition,
                inquiry.Email,
                inquiry.Phone,
                inquiry.Message,
                inquiry.HeardFrom,
                inquiry.OtherInterest,
            }
        );
}
