using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Forms change what they show and nothing else: a forged post that adds fields for ids, status, authorship,
/// membership, account flags or roles is saved as if those fields were not there.</summary>
public sealed class OverpostingTests(SecurityPortal fixture) : IClassFixture<SecurityPortal>
{
    private const string Canary = "overposted";
    private const string CanaryNumber = "987654";
    private const string CanaryDate = "2001-02-03";

    /// <summary>A visit of the test's own with one delegate, agenda item, topic and follow-up, and the ids a form
    /// needs.</summary>
    public sealed record Sample(
        int VisitId,
        int Version,
        int MemberId,
        int ItemId,
        int FollowUpId,
        int FollowUpVersion,
        string ColleagueId,
        string AdministratorId
    );

    /// <summary>A form that creates or changes something: where it posts, the fields it really has (prefixed), the
    /// tables it may change, and anything more to check afterwards.</summary>
    public sealed record Form(
        string Prefix,
        Func<Sample, string> Address,
        Func<Sample, string[]> Fields,
        string[] Tables,
        Func<PortalFactory, Sample, Task>? Check = null
    );

    private static readonly string[] VisitTables = ["Visits", "AuditEntries"];

    private static string[] Plan(string city, string date) =>
        [
            "Purpose=Overposting check",
            $"Date={date}",
            "StartTime=10:00",
            "EndTime=11:00",
            "TimeZoneId=Asia/Seoul",
            $"Venue={city} hall",
            "OtherHostName=Host",
            "HeadOfDelegation=Mayor",
            "ExpectedHeadcount=5",
            "Languages=English",
        ];

    private static string[] Delegate(string name) =>
        [
            $"FullName={name}",
            "Title=Officer",
            "Organization=City hall",
            "Role=Delegate",
            "Email=delegate@city.example",
            "DietaryNeeds=",
            "AccessibilityNeeds=",
        ];

    /// <summary>One line per form.</summary>
    public static readonly IReadOnlyDictionary<string, Form> Forms = new Dictionary<string, Form>(
        StringComparer.Ordinal
    )
    {
        ["Schedule a visit"] = new(
            "Input.",
            _ => "/Visits/Schedule",
            _ =>
                [
                    .. Plan("Overpost City", "2031-06-01"),
                    "OrganizationId=",
                    "OrganizationName=Overpost City",
                    "CountryCode=KR",
                    "Kind=LocalGovernment",
                    "CreateNewOrganization=true",
                ],
            ["Visits", "VisitHost", "Delegation", "Organizations", "AuditEntries"]
        ),
        ["Edit a visit"] = new(
            "Input.",
            s => $"/Visits/Edit/{s.VisitId}",
            s => [.. Plan("Edited", "2031-06-02"), $"Version={s.Version}"],
            ["Visits", "VisitHost", "Delegation", "AuditEntries"]
        ),
        ["Cancel a visit"] = new(
            "Input.",
            s => $"/Visits/Status/{s.VisitId}?handler=Cancel",
            s => [$"Version={s.Version}", "Reason=Postponed"],
            VisitTables
        ),
        ["Add a delegate"] = new(
            "Input.",
            s => $"/Visits/Roster/{s.VisitId}?handler=Add",
            s => [$"Version={s.Version}", .. Delegate("New Delegate")],
            [.. VisitTables, "DelegationMember"]
        ),
        ["Edit a delegate"] = new(
            "Input.",
            s => $"/Visits/Roster/{s.VisitId}?handler=Edit",
            s => [$"Version={s.Version}", $"MemberId={s.MemberId}", .. Delegate("Renamed Delegate")],
            [.. VisitTables, "DelegationMember"]
        ),
        ["Add an agenda item"] = new(
            "NewItem.",
            s => $"/Visits/Agenda/{s.VisitId}?handler=Add",
            s => [$"Version={s.Version}", "Title=Briefing", "StartsAt=10:00", "EndsAt=10:30"],
            [.. VisitTables, "AgendaItem"]
        ),
        ["Edit an agenda item"] = new(
            "EditedItem.",
            s => $"/Visits/Agenda/{s.VisitId}?handler=Edit",
            s => [$"Version={s.Version}", $"ItemId={s.ItemId}", "Title=Longer briefing"],
            [.. VisitTables, "AgendaItem"]
        ),
        ["Record a topic"] = new(
            "Input.",
            s => $"/Visits/Topics/{s.VisitId}",
            s => [$"Version={s.Version}", "Topic=Open data"],
            [.. VisitTables, "TopicOfInterest"]
        ),
        ["Add a follow-up"] = new(
            "Input.",
            s => $"/Visits/FollowUps/{s.VisitId}",
            _ =>
                [
                    "Description=Send slides",
                    "OwnerUserId=",
                    "OwnerName=Partner",
                    $"DueOn={DateTime.UtcNow.AddDays(30):yyyy-MM-dd}",
                ],
            ["FollowUps", "AuditEntries"]
        ),
        ["Mark a follow-up done"] = new(
            "",
            s => $"/FollowUps/Status/{s.FollowUpId}?handler=Done",
            s => [$"Version={s.FollowUpVersion}", "ReturnUrl=/FollowUps"],
            ["FollowUps", "AuditEntries"]
        ),
        ["Create a staff account"] = new(
            "Input.",
            _ => "/Staff/Create",
            _ => [$"Email=new-{Guid.NewGuid():N}@tests.wego", "DisplayName=New Colleague", "Roles=SecretariatStaff"],
            ["AspNetUsers", "AspNetUserRoles", "AuditEntries"],
            NewAccountIsOrdinaryAsync
        ),
        ["Change a colleague's roles"] = new(
            "Input.",
            s => $"/Staff/Edit/{s.ColleagueId}",
            _ => ["Roles=ProgramDirector"],
            ["AspNetUsers", "AspNetUserRoles", "AuditEntries"],
            OnlyTheColleagueChangedAsync
        ),
    };

    public static TheoryData<string> FormNames() => [.. Forms.Keys];

    /// <summary>Fields no form has, with values a forged post would try.</summary>
    private static IEnumerable<(string Name, string Value)> Extras(Sample sample) =>
        [
            ("Id", CanaryNumber),
            ("VisitId", CanaryNumber),
            ("MemberId", CanaryNumber),
            ("ItemId", CanaryNumber),
            ("FollowUpId", CanaryNumber),
            ("OrganizationId", CanaryNumber),
            ("Order", CanaryNumber),
            ("Status", nameof(VisitStatus.Completed)),
            ("Stage", "Member"),
            ("CreatedBy", Canary),
            ("CreatedById", Canary),
            ("CreatedAtUtc", CanaryDate + "T04:05:06Z"),
            ("AuthorId", Canary),
            ("IsMember", "true"),
            ("MemberSince", CanaryDate),
            ("Roles", Roles.Administrator),
            ("UserId", sample.AdministratorId),
            ("OwnerUserId", sample.AdministratorId),
            ("CancellationReason", Canary),
            ("ClosedBy", Canary),
            ("ClosedAtUtc", CanaryDate),
            ("OrganizationName", Canary),
            ("DisplayName", Canary),
            ("Email", Canary + "@evil.test"),
            ("EmailConfirmed", "false"),
            ("MustChangePassword", "false"),
            ("LockoutEnabled", "false"),
            ("PasswordHash", Canary),
            ("SecurityStamp", Canary),
            ("AccessFailedCount", CanaryNumber),
            ("Reason", Canary),
        ];

    [Theory]
    [MemberData(nameof(FormNames))]
    public async Task Extra_fields_posted_to_a_form_change_nothing_the_form_does_not_offer(string form)
    {
        var (prefix, address, fields, tables, check) = Forms[form];
        var sample = await NewSampleAsync();
        var offered = fields(sample)
            .Select(f => f.Split('=', 2))
            .Select(f => new KeyValuePair<string, string>(prefix + f[0], f[1]))
            .ToList();
        var forged = Extras(sample)
            .Where(extra => !offered.Any(f => f.Key == prefix + extra.Name))
            .SelectMany(extra =>
                new[]
                {
                    new KeyValuePair<string, string>(prefix + extra.Name, extra.Value),
                    new(extra.Name, extra.Value),
                }
            )
            .DistinctBy(f => f.Key);
        var before = await DatabaseSnapshot.TakeAsync(fixture.Portal);

        using var response = await fixture.Administrator.PostAsync(address(sample), [.. offered, .. forged]);

        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect,
            $"{form} answered {(int)response.StatusCode}"
        );
        var changes = (await DatabaseSnapshot.TakeAsync(fixture.Portal)).ChangesSince(before);
        Assert.True(
            changes.Count > 0,
            $"{form} saved nothing: the offered fields should be accepted. "
                + Problems(await response.Content.ReadAsStringAsync())
        );
        Assert.All(changes, change =>
            Assert.True(tables.Contains(change.Table), $"{form} changed a table it has no business with: {change}")
        );
        Assert.All(changes, change => Assert.False(IsForged(change), $"{form} saved a forged value: {change}"));
        if (check is not null)
        {
            await check(fixture.Portal, sample);
        }
    }

    [Fact]
    public async Task A_form_field_named_id_does_not_turn_a_post_to_another_record_than_its_address_names()
    {
        var sample = await NewSampleAsync();

        using var response = await fixture.Administrator.PostAsync(
            $"/Staff/Edit/{sample.ColleagueId}",
            [new("id", sample.AdministratorId), new("Input.Roles", Roles.ProgramDirector)]
        );

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await OnlyTheColleagueChangedAsync(fixture.Portal, sample);
    }

    /// <summary>The messages a refused form shows.</summary>
    private static string Problems(string html) =>
        string.Join(
            " ",
            new AngleSharp.Html.Parser.HtmlParser()
                .ParseDocument(html)
                .QuerySelectorAll(
                    ".alert-danger, .invalid-feedback, .field-validation-error, .validation-summary-errors"
                )
                .Select(e => e.TextContent.Trim())
                .Where(t => t.Length > 0)
        );

    private static bool IsForged(DatabaseSnapshot.Change change) =>
        change.After is { } value
        && (
            value.Contains(Canary, StringComparison.OrdinalIgnoreCase)
            || value.Contains(CanaryNumber, StringComparison.Ordinal)
            || value.Contains(CanaryDate, StringComparison.Ordinal)
            || (change.Column is "Status" && value == nameof(VisitStatus.Completed))
            || (change.Column is "Stage" && value == "Member")
        );

    private static async Task NewAccountIsOrdinaryAsync(PortalFactory portal, Sample sample)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var created = await users
            .Users.Where(u => u.DisplayName == "New Colleague")
            .OrderByDescending(u => u.CreatedAtUtc)
            .FirstAsync();
        Assert.True(created.MustChangePassword);
        Assert.True(created.EmailConfirmed);
        Assert.True(created.LockoutEnabled);
        Assert.Equal([Roles.SecretariatStaff], await users.GetRolesAsync(created));
    }

    private static async Task OnlyTheColleagueChangedAsync(PortalFactory portal, Sample sample)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal(
            [Roles.ProgramDirector],
            await users.GetRolesAsync((await users.FindByIdAsync(sample.ColleagueId))!)
        );
        Assert.Contains(
            Roles.Administrator,
            await users.GetRolesAsync((await users.FindByIdAsync(sample.AdministratorId))!)
        );
    }

    private async Task<Sample> NewSampleAsync()
    {
        var colleagueId = await fixture.Portal.CreateStaffAsync(
            $"colleague-{Guid.NewGuid():N}@security.tests.wego",
            Visitor.Password,
            Roles.SecretariatStaff
        );
        var administratorId = await fixture.BootstrapAdministratorIdAsync();
        return await fixture.Portal.WithDbAsync(async db =>
        {
            var organization = new Organization(
                "Overposting " + Guid.NewGuid().ToString("N")[..8],
                "MY",
                Region.AsiaPacific,
                OrganizationKind.LocalGovernment
            );
            var visit = Visit.Schedule(
                organization,
                "Study visit",
                "WeGO Secretariat, Seoul",
                new DateOnly(2031, 3, 4),
                new TimeOnly(10, 0),
                new TimeOnly(12, 0),
                VenueTime.Seoul,
                DateTime.UtcNow
            );
            var member = visit.AddDelegationMember("First Delegate", null, null, DelegationRole.Delegate);
            var item = visit.AddAgendaItem(new TimeOnly(10, 0), new TimeOnly(10, 30), "Welcome", null);
            visit.RecordTopic("Smart mobility");
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            var followUp = FollowUp.ForVisit(
                visit,
                "Send the report",
                "Partner",
                null,
                new DateOnly(2031, 4, 1),
                DateTime.UtcNow
            );
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync();
            return new Sample(
                visit.Id,
                visit.Version,
                member.Id,
                item.Id,
                followUp.Id,
                followUp.Version,
                colleagueId,
                administratorId
            );
        });
    }
}
