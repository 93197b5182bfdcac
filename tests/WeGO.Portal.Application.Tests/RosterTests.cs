using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The tests share one portal; each works on a Seremban visit of its own, whose roster starts
/// empty.</summary>
public sealed class RosterTests : IClassFixture<PortalFactory>, IDisposable
{
    private readonly PortalFactory portal;
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public RosterTests(PortalFactory portal)
    {
        this.portal = portal;

        // Messages are asserted in English, whatever the machine's language.
        CultureInfo.CurrentUICulture = new CultureInfo("en");
    }

    public void Dispose() => CultureInfo.CurrentUICulture = culture;

    private Task<int> SerembanVisitIdAsync() => portal.ScheduleVisitAsync();

    private async Task<GetRoster.Roster> RosterAsync(int visitId) =>
        await portal.SendAsync(new GetRoster.Query(visitId))
        ?? throw new InvalidOperationException("No visit " + visitId);

    private async Task<AddDelegate.Command> NewDelegateAsync(
        int visitId,
        string name = "Aminah Yusof",
        DelegationRole role = DelegationRole.Delegate
    ) =>
        new()
        {
            VisitId = visitId,
            Version = (await RosterAsync(visitId)).Version,
            FullName = name,
            Title = "Town planner",
            Organization = "Seremban City Council",
            Role = role,
            Email = "aminah@mbs.gov.my",
            DietaryNeeds = "Halal",
            AccessibilityNeeds = null,
        };

    private async Task<int> AddAsync(int visitId, string name, DelegationRole role = DelegationRole.Delegate) =>
        (await portal.SendAsync(await NewDelegateAsync(visitId, name, role))).Value;

    private async Task<ImportRoster.Result> ImportAsync(int visitId, string csv, bool byteOrderMark = false) =>
        await portal.SendAsync(
            new ImportRoster.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                Content = byteOrderMark
                    ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]
                    : Encoding.UTF8.GetBytes(csv),
            }
        );

    [Fact]
    public async Task Delegate_is_added_with_every_detail_and_the_headcount_follows_the_roster()
    {
        var city = TestData.Unique("Seremban City Council");
        var visitId = await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        Assert.Equal(36, (await RosterAsync(visitId)).Headcount);

        var id = await AddAsync(visitId, "Aminah Yusof");

        var roster = await RosterAsync(visitId);
        var member = Assert.Single(roster.Members);
        Assert.Equal(
            new GetRoster.Member
            {
                Id = id,
                FullName = "Aminah Yusof",
                Title = "Town planner",
                Organization = "Seremban City Council",
                Role = DelegationRole.Delegate,
                Email = "aminah@mbs.gov.my",
                DietaryNeeds = "Halal",
                AccessibilityNeeds = null,
            },
            member
        );
        Assert.Equal(1, roster.Headcount);
        Assert.Equal(36, roster.ExpectedHeadcount);
        Assert.Equal(city, roster.Organization);
    }

    [Fact]
    public async Task Delegate_is_edited_and_the_head_of_delegation_follows_the_roster()
    {
        var visitId = await SerembanVisitIdAsync();
        var id = await AddAsync(visitId, "Kai Yet Lee");

        await portal.SendAsync(
            new EditDelegate.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                MemberId = id,
                FullName = "Lee Kai Yet",
                Title = "Councillor",
                Organization = "Majlis Bandaraya Seremban",
                Role = DelegationRole.HeadOfDelegation,
                Email = "lee.kaiyet@mbs.gov.my",
                DietaryNeeds = null,
                AccessibilityNeeds = "Step-free access",
            }
        );

        var roster = await RosterAsync(visitId);
        Assert.Equal(
            new GetRoster.Member
            {
                Id = id,
                FullName = "Lee Kai Yet",
                Title = "Councillor",
                Organization = "Majlis Bandaraya Seremban",
                Role = DelegationRole.HeadOfDelegation,
                Email = "lee.kaiyet@mbs.gov.my",
                DietaryNeeds = null,
                AccessibilityNeeds = "Step-free access",
            },
            Assert.Single(roster.Members)
        );
        Assert.Equal("Lee Kai Yet", roster.HeadOfDelegation);
        Assert.Equal("Councillor", roster.HeadOfDelegationTitle);
    }

    [Fact]
    public async Task Delegate_is_removed_from_the_roster()
    {
        var visitId = await SerembanVisitIdAsync();
        var leaving = await AddAsync(visitId, "Aminah Yusof");
        await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation);

        await portal.SendAsync(
            new RemoveDelegate.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                MemberId = leaving,
            }
        );

        var roster = await RosterAsync(visitId);
        Assert.Equal(["Lee Kai Yet"], roster.Members.Select(m => m.FullName));
        Assert.Equal(1, roster.Headcount);
    }

    public static TheoryData<string, Func<AddDelegate.Command, AddDelegate.Command>> InvalidDetails() =>
        new()
        {
            { "FullName", c => c with { FullName = "" } },
            { "FullName", c => c with { FullName = "   " } },
            { "FullName", c => c with { FullName = new string('n', 201) } },
            { "Title", c => c with { Title = new string('t', 201) } },
            { "Organization", c => c with { Organization = new string('o', 201) } },
            { "Role", c => c with { Role = (DelegationRole)42 } },
            { "Email", c => c with { Email = "not-an-email" } },
            { "Email", c => c with { Email = new string('e', 310) + "@mbs.gov.my" } },
            { "DietaryNeeds", c => c with { DietaryNeeds = new string('d', 501) } },
            { "AccessibilityNeeds", c => c with { AccessibilityNeeds = new string('a', 501) } },
        };

    [Theory]
    [MemberData(nameof(InvalidDetails))]
    public async Task Invalid_delegate_details_are_refused_by_field_and_nothing_is_added(
        string field,
        Func<AddDelegate.Command, AddDelegate.Command> spoil
    )
    {
        var visitId = await SerembanVisitIdAsync();
        var command = spoil(await NewDelegateAsync(visitId));

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() => portal.SendAsync(command));

        Assert.Equal([field], refused.Errors.Select(e => e.PropertyName).Distinct());
        Assert.Empty((await RosterAsync(visitId)).Members);
    }

    [Fact]
    public async Task Optional_details_may_be_left_blank()
    {
        var visitId = await SerembanVisitIdAsync();
        var command = await NewDelegateAsync(visitId);

        await portal.SendAsync(
            command with
            {
                Title = null,
                Organization = "",
                Email = " ",
                DietaryNeeds = null,
                AccessibilityNeeds = null,
            }
        );

        var member = Assert.Single((await RosterAsync(visitId)).Members);
        Assert.Null(member.Email);
        Assert.Null(member.Organization);
    }

    [Fact]
    public async Task Edits_are_checked_like_new_delegates()
    {
        var visitId = await SerembanVisitIdAsync();
        var id = await AddAsync(visitId, "Aminah Yusof");

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(
                new EditDelegate.Command
                {
                    VisitId = visitId,
                    Version = 0,
                    MemberId = id,
                    FullName = "",
                    Email = "aminah(at)mbs.gov.my",
                }
            )
        );

        Assert.Equal(["Email", "FullName"], refused.Errors.Select(e => e.PropertyName).Order());
        Assert.Equal("Aminah Yusof", Assert.Single((await RosterAsync(visitId)).Members).FullName);
    }

    [Fact]
    public async Task A_second_head_of_delegation_is_refused()
    {
        var visitId = await SerembanVisitIdAsync();
        await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        var other = await AddAsync(visitId, "Aminah Yusof");

        var added = await Assert.ThrowsAsync<DomainException>(async () =>
            await AddAsync(visitId, "Someone Else", DelegationRole.HeadOfDelegation)
        );
        var edited = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(
                new EditDelegate.Command
                {
                    VisitId = visitId,
                    Version = (await RosterAsync(visitId)).Version,
                    MemberId = other,
                    FullName = "Aminah Yusof",
                    Role = DelegationRole.HeadOfDelegation,
                }
            )
        );

        Assert.Equal("Delegation.HeadAlreadyOnRoster", added.Code);
        Assert.Equal("Delegation.HeadAlreadyOnRoster", edited.Code);
        var roster = await RosterAsync(visitId);
        Assert.Equal(["Lee Kai Yet", "Aminah Yusof"], roster.Members.Select(m => m.FullName));
        Assert.Equal([DelegationRole.HeadOfDelegation, DelegationRole.Delegate], roster.Members.Select(m => m.Role));
    }

    [Fact]
    public async Task A_cancelled_visit_refuses_roster_changes()
    {
        var visitId = await portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = TestData.Unique("Cuenca"),
                LocalName = null,
                CountryCode = "EC",
                Purpose = "Study visit",
                Date = new DateOnly(2030, 5, 4),
            }
        );
        await AddAsync(visitId, "Ana Vázquez");
        await portal.CancelScheduledVisitAsync(visitId);
        var roster = await RosterAsync(visitId);
        var memberId = Assert.Single(roster.Members).Id;

        var added = await Assert.ThrowsAsync<DomainException>(async () => await AddAsync(visitId, "Luis Ortega"));
        var edited = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(
                new EditDelegate.Command
                {
                    VisitId = visitId,
                    Version = roster.Version,
                    MemberId = memberId,
                    FullName = "Ana María Vázquez",
                }
            )
        );
        var removed = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(
                new RemoveDelegate.Command
                {
                    VisitId = visitId,
                    Version = roster.Version,
                    MemberId = memberId,
                }
            )
        );
        var imported = await Assert.ThrowsAsync<DomainException>(async () =>
            await ImportAsync(visitId, "name\nLuis Ortega\n")
        );

        Assert.All([added, edited, removed, imported], e => Assert.Equal("Visit.Cancelled", e.Code));
        Assert.Equal(roster, await RosterAsync(visitId), RosterComparer);
        Assert.False(roster.CanAmend);
    }

    [Fact]
    public async Task A_change_made_from_a_stale_page_fails_and_changes_nothing()
    {
        var visitId = await SerembanVisitIdAsync();
        var seen = (await RosterAsync(visitId)).Version;
        var first = await AddAsync(visitId, "Aminah Yusof");
        var after = await RosterAsync(visitId);
        Assert.NotEqual(seen, after.Version);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsync((await NewDelegateAsync(visitId, "Luis Ortega")) with { Version = seen })
        );
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsync(
                new EditDelegate.Command
                {
                    VisitId = visitId,
                    Version = seen,
                    MemberId = first,
                    FullName = "Someone Else",
                }
            )
        );
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsync(
                new RemoveDelegate.Command
                {
                    VisitId = visitId,
                    Version = seen,
                    MemberId = first,
                }
            )
        );
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsync(
                new ImportRoster.Command
                {
                    VisitId = visitId,
                    Version = seen,
                    Content = Encoding.UTF8.GetBytes("name\nLuis Ortega\n"),
                }
            )
        );

        Assert.Equal(after, await RosterAsync(visitId), RosterComparer);
    }

    [Fact]
    public async Task A_roster_file_with_a_byte_order_mark_semicolons_and_quoted_values_replaces_the_roster()
    {
        var visitId = await SerembanVisitIdAsync();
        await AddAsync(visitId, "Typed By Hand");
        const string csv =
            "nombre;cargo;organización;función;correo electrónico;dietary needs;accessibility needs\r\n"
            + "Lee Kai Yet;\"Councillor; Seremban City Council\";Majlis Bandaraya Seremban;Jefe de la delegación;"
            + "lee.kaiyet@mbs.gov.my;;\r\n"
            + "\"Tan, Mei Ling\";Senior officer;\"Seremban City Council, Planning Department\";대표단원;;"
            + "\"Vegetarian, no nuts\";\r\n"
            + "\r\n"
            + "Ahmad Zaki;;;interpreter;;;\"Needs a \"\"step-free\"\" route,\nand a seat near the door\"\r\n"
            + "Siti Rahman;Protocol officer;Seremban City Council;;siti@mbs.gov.my;Halal;\r\n";

        var result = await ImportAsync(visitId, csv, byteOrderMark: true);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(4, result.Imported);
        var roster = await RosterAsync(visitId);
        Assert.Equal(4, roster.Headcount);
        Assert.Equal("Lee Kai Yet", roster.HeadOfDelegation);
        Assert.Equal("Councillor; Seremban City Council", roster.HeadOfDelegationTitle);
        Assert.Collection(
            roster.Members,
            m =>
                Assert.Equal(
                    new GetRoster.Member
                    {
                        Id = m.Id,
                        FullName = "Lee Kai Yet",
                        Title = "Councillor; Seremban City Council",
                        Organization = "Majlis Bandaraya Seremban",
                        Role = DelegationRole.HeadOfDelegation,
                        Email = "lee.kaiyet@mbs.gov.my",
                        DietaryNeeds = null,
                        AccessibilityNeeds = null,
                    },
                    m
                ),
            m =>
                Assert.Equal(
                    new GetRoster.Member
                    {
                        Id = m.Id,
                        FullName = "Tan, Mei Ling",
                        Title = "Senior officer",
                        Organization = "Seremban City Council, Planning Department",
                        Role = DelegationRole.Delegate,
                        Email = null,
                        DietaryNeeds = "Vegetarian, no nuts",
                        AccessibilityNeeds = null,
                    },
                    m
                ),
            m =>
                Assert.Equal(
                    new GetRoster.Member
                    {
                        Id = m.Id,
                        FullName = "Ahmad Zaki",
                        Title = null,
                        Organization = null,
                        Role = DelegationRole.Interpreter,
                        Email = null,
                        DietaryNeeds = null,
                        AccessibilityNeeds = "Needs a \"step-free\" route,\nand a seat near the door",
                    },
                    m
                ),
            m =>
                Assert.Equal(
                    new GetRoster.Member
                    {
                        Id = m.Id,
                        FullName = "Siti Rahman",
                        Title = "Protocol officer",
                        Organization = "Seremban City Council",
                        Role = DelegationRole.Delegate,
                        Email = "siti@mbs.gov.my",
                        DietaryNeeds = "Halal",
                        AccessibilityNeeds = null,
                    },
                    m
                )
        );
    }

    [Fact]
    public async Task A_roster_file_with_two_bad_rows_reports_both_and_imports_nothing()
    {
        var visitId = await SerembanVisitIdAsync();
        await AddAsync(visitId, "Typed By Hand");
        var before = await RosterAsync(visitId);
        const string csv =
            "name,title,organisation,role,email,dietary needs,accessibility needs\n"
            + "Lee Kai Yet,Councillor,Seremban City Council,head of delegation,lee.kaiyet@mbs.gov.my,,\n"
            + "Tan Mei Ling,Officer,Seremban City Council,delegate,tan.meiling(at)mbs.gov.my,,\n"
            + "Ahmad Zaki,,,interpreter,,,\n"
            + ",Officer,Seremban City Council,mayor,,,\n";

        var result = await ImportAsync(visitId, csv);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        Assert.Equal([3, 5], result.Problems.Select(p => p.Row!.Value).Distinct());
        var email = Assert.Single(result.Problems, p => p.Row == 3);
        Assert.Equal("email", email.Column);
        Assert.Contains("Email", email.Message, StringComparison.Ordinal);
        Assert.Equal(["name", "role"], result.Problems.Where(p => p.Row == 5).Select(p => p.Column).Order());
        Assert.Contains(result.Problems, p =>
            p.Row == 5
            && p.Code == "Roster.UnknownRole"
            && p.Message.Contains("\"mayor\" is not a role", StringComparison.Ordinal)
        );
        Assert.Equal(before, await RosterAsync(visitId), RosterComparer);
    }

    [Fact]
    public async Task Rows_are_counted_as_a_spreadsheet_shows_them_with_values_on_several_lines_and_blank_rows()
    {
        var visitId = await SerembanVisitIdAsync();
        const string csv =
            "name,title,email\r\n"
            + "\"Lee\r\nKai Yet\",\"Councillor,\nSeremban\",lee.kaiyet@mbs.gov.my\r\n"
            + "\r\n"
            + ",,\r\n"
            + "Tan Mei Ling,\"Senior\nofficer\",tan.meiling(at)mbs.gov.my\r\n"
            + "Ahmad Zaki,,\r\n";

        var result = await ImportAsync(visitId, csv);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((5, "email"), (problem.Row!.Value, problem.Column));
        Assert.Empty((await RosterAsync(visitId)).Members);
    }

    [Fact]
    public async Task A_semicolon_file_with_a_byte_order_mark_names_its_own_first_column_in_a_problem()
    {
        var visitId = await SerembanVisitIdAsync();

        var result = await ImportAsync(
            visitId,
            "Nombre;Correo electrónico\r\nAna Vázquez;ana@cuenca.gob.ec\r\n;luis@cuenca.gob.ec\r\n",
            byteOrderMark: true
        );

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "Nombre"), (problem.Row!.Value, problem.Column));
    }

    [Fact]
    public async Task A_second_head_in_a_roster_file_is_reported_on_its_row()
    {
        var visitId = await SerembanVisitIdAsync();

        var result = await ImportAsync(visitId, "name,role\nLee Kai Yet,head of delegation\nAminah Yusof,대표단장\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "role", "Delegation.HeadAlreadyOnRoster"), (problem.Row!.Value, problem.Column, problem.Code));
        Assert.Empty((await RosterAsync(visitId)).Members);
    }

    [Theory]
    [InlineData("", "Roster.FileEmpty")]
    [InlineData("\r\n\r\n", "Roster.FileEmpty")]
    [InlineData("Lee Kai Yet,Councillor,Seremban City Council,head of delegation,,,\n", "Roster.HeaderMissing")]
    [InlineData("name,title\n", "Roster.NoDelegates")]
    [InlineData("title,role\nCouncillor,delegate\n", "Roster.NameColumnMissing")]
    public async Task A_roster_file_without_a_header_or_delegates_is_refused(string csv, string code)
    {
        var visitId = await SerembanVisitIdAsync();

        var result = await ImportAsync(visitId, csv, byteOrderMark: csv.Length > 0);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Null(problem.Row);
        Assert.Empty((await RosterAsync(visitId)).Members);
    }

    [Fact]
    public async Task An_unknown_or_repeated_column_is_reported_in_the_header_row()
    {
        var visitId = await SerembanVisitIdAsync();

        var result = await ImportAsync(visitId, "name,passport number,Name\nLee Kai Yet,A123,Lee\n");

        Assert.Equal(
            [(1, "passport number", "Roster.UnknownColumn"), (1, "Name", "Roster.DuplicateColumn")],
            result.Problems.Select(p => (p.Row!.Value, p.Column, p.Code))
        );
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_how_to_save_it()
    {
        var visitId = await SerembanVisitIdAsync();

        var result = await portal.SendAsync(
            new ImportRoster.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                Content = [.. "name\nJos"u8, 0xE9, (byte)'\n'], // "José" in Windows-1252
            }
        );

        Assert.Contains("CSV UTF-8", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_over_the_size_or_row_limit_are_refused()
    {
        var visitId = await SerembanVisitIdAsync();
        var tooManyRows =
            "name\n" + string.Concat(Enumerable.Range(1, ImportRoster.MaxRows + 1).Select(i => $"Delegate {i}\n"));
        var tooLarge = "name\n" + new string('x', ImportRoster.MaxBytes);

        var rows = await ImportAsync(visitId, tooManyRows);
        var size = await ImportAsync(visitId, tooLarge);

        Assert.Equal("Roster.TooManyRows", Assert.Single(rows.Problems).Code);
        Assert.Contains("2000", rows.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("Roster.FileTooLarge", Assert.Single(size.Problems).Code);
        Assert.Contains("1 MB", size.Problems[0].Message, StringComparison.Ordinal);
        Assert.Empty((await RosterAsync(visitId)).Members);
    }

    [Fact]
    public async Task A_quote_left_open_is_reported_on_its_row()
    {
        var visitId = await SerembanVisitIdAsync();

        var result = await ImportAsync(visitId, "name,title\nLee Kai Yet,Councillor\nAminah Yusof,\"Town planner\n");

        Assert.Equal((3, "Roster.UnclosedQuote"), (Assert.Single(result.Problems).Row!.Value, result.Problems[0].Code));
    }

    [Fact]
    public async Task The_template_is_utf8_with_a_byte_order_mark_and_imports_as_an_empty_roster_header()
    {
        var template = ImportRoster.Template();

        Assert.Equal(Encoding.UTF8.GetPreamble(), template[..3]);
        Assert.Equal(
            "name,title,organisation,role,email,dietary needs,accessibility needs,honorific,interpretation needs\r\n",
            Encoding.UTF8.GetString(template[3..])
        );
        var visitId = await SerembanVisitIdAsync();
        var result = await portal.SendAsync(
            new ImportRoster.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                Content = [.. template, .. "Lee Kai Yet\n"u8],
            }
        );
        Assert.Equal(1, result.Imported);
    }

    private static readonly RosterEquality RosterComparer = new();

    private sealed class RosterEquality : IEqualityComparer<GetRoster.Roster>
    {
        public bool Equals(GetRoster.Roster? x, GetRoster.Roster? y) =>
            x is not null
            && y is not null
            && (x with { Members = [] }) == (y with { Members = [] })
            && x.Members.SequenceEqual(y.Members);

        public int GetHashCode(GetRoster.Roster obj) => obj.VisitId;
    }
}
