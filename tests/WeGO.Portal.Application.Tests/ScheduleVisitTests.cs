using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed class ScheduleVisitTests : IDisposable
{
    // Still walks the demo data (the Seremban visit); to be moved onto TestData.
    private readonly PortalFactory portal = new PortalFactory { SeedDemo = true }.Start();

    public void Dispose() => portal.Dispose();

    private async Task<int> ContactIdAsync(string name) =>
        await portal.WithDbAsync(db => db.Contacts.Where(c => c.FullName == name).Select(c => c.Id).SingleAsync());

    private static ScheduleVisit.Command Busan(DateOnly date) =>
        new()
        {
            OrganizationName = "Busan Metropolitan City",
            CountryCode = "KR",
            Purpose = "Smart-city exchange",
            Date = date,
            StartTime = new TimeOnly(14, 0),
            EndTime = new TimeOnly(15, 30),
            Venue = "Seoul City Hall",
            OtherHostName = "Someone Else",
            HeadOfDelegation = "Deputy Mayor",
            ExpectedHeadcount = 12,
        };

    [Fact]
    public async Task Scheduling_creates_the_city_and_the_requested_visit_in_Seoul_time()
    {
        var result = await portal.SendAsync(Busan(new DateOnly(2026, 12, 3)));

        Assert.NotNull(result.VisitId);
        var visit = await portal.SendAsync(new GetVisit.Query(result.VisitId.Value));
        Assert.NotNull(visit);
        Assert.Equal("Busan Metropolitan City", visit.Organization.Name);
        Assert.Equal(Region.AsiaPacific, visit.Organization.Region);
        Assert.Equal(VisitStatus.Requested, visit.Status);
        Assert.Equal(new DateTime(2026, 12, 3, 5, 0, 0, DateTimeKind.Utc), visit.Plan.StartsAtUtc);
        Assert.Equal(12, visit.Delegation.Headcount);
        Assert.Equal("Deputy Mayor", visit.Delegation.HeadOfDelegation);
        Assert.Equal(["Someone Else"], visit.Hosts.Select(h => h.Name));
    }

    [Fact]
    public async Task Region_is_suggested_from_the_country_unless_chosen()
    {
        var quito = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 4)) with
            {
                OrganizationName = "Quito",
                CountryCode = "EC",
            }
        );
        var chosen = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 5)) with
            {
                OrganizationName = "Istanbul",
                CountryCode = "TR",
                Region = Region.MiddleEastNorthAfrica,
            }
        );

        Assert.Equal(
            Region.LatinAmerica,
            (await portal.SendAsync(new GetVisit.Query(quito.VisitId!.Value)))!.Organization.Region
        );
        Assert.Equal(
            Region.MiddleEastNorthAfrica,
            (await portal.SendAsync(new GetVisit.Query(chosen.VisitId!.Value)))!.Organization.Region
        );
    }

    [Fact]
    public async Task The_same_city_is_reused_not_created_twice()
    {
        await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 3)) with
            {
                OrganizationName = "seremban city-council",
                CountryCode = "MY",
            }
        );

        Assert.Equal(1, await portal.WithDbAsync(db => db.Organizations.CountAsync(o => o.CountryCode == "MY")));
        Assert.Equal(2, await portal.WithDbAsync(db => db.Visits.CountAsync(v => v.Organization.CountryCode == "MY")));
    }

    [Fact]
    public async Task A_similar_city_name_is_shown_before_anything_is_saved_and_can_be_overridden()
    {
        var warned = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 3)) with
            {
                OrganizationName = "Seremban Municipal Council",
                CountryCode = "MY",
            }
        );

        Assert.Null(warned.VisitId);
        Assert.Equal("Seremban City Council", Assert.Single(warned.SimilarOrganizations).Name);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Organizations.CountAsync()));

        var created = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 3)) with
            {
                OrganizationName = "Seremban Municipal Council",
                CountryCode = "MY",
                CreateNewOrganization = true,
            }
        );
        Assert.NotNull(created.VisitId);
        Assert.Equal(2, await portal.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Choosing_the_existing_city_from_the_warning_schedules_for_it()
    {
        var serembanId = await portal.WithDbAsync(db => db.Organizations.Select(o => o.Id).SingleAsync());

        var result = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 3)) with
            {
                OrganizationId = serembanId,
                OrganizationName = "Seremban Municipal Council",
            }
        );

        Assert.Equal(
            "Seremban City Council",
            (await portal.SendAsync(new GetVisit.Query(result.VisitId!.Value)))!.Organization.Name
        );
    }

    [Fact]
    public async Task A_host_already_booked_at_that_time_is_a_warning_showing_the_other_visit()
    {
        var kim = await ContactIdAsync("Jeong-kee Kim");
        var overlapping = Busan(new DateOnly(2024, 10, 7)) with
        {
            StartTime = new TimeOnly(11, 0),
            EndTime = new TimeOnly(13, 0),
            Venue = "Busan City Hall",
            OtherHostName = null,
            HostContactIds = [kim],
        };

        var warned = await portal.SendAsync(overlapping);

        Assert.Null(warned.VisitId);
        var conflict = Assert.Single(warned.Conflicts);
        Assert.Equal("Seremban City Council", conflict.Organization);
        Assert.Equal(["Jeong-kee Kim"], conflict.SharedHosts);
        Assert.False(conflict.SameVenue);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Visits.CountAsync()));

        var confirmed = await portal.SendAsync(overlapping with { ScheduleDespiteConflicts = true });
        Assert.NotNull(confirmed.VisitId);
    }

    [Fact]
    public async Task The_same_venue_at_an_overlapping_time_is_a_warning_but_back_to_back_is_not()
    {
        var sameVenue = Busan(new DateOnly(2024, 10, 7)) with
        {
            StartTime = new TimeOnly(9, 0),
            EndTime = new TimeOnly(10, 30),
            Venue = "wego secretariat, seoul",
        };
        var backToBack = sameVenue with { StartTime = new TimeOnly(12, 0), EndTime = new TimeOnly(13, 0) };

        Assert.True(Assert.Single((await portal.SendAsync(sameVenue)).Conflicts).SameVenue);
        Assert.NotNull((await portal.SendAsync(backToBack)).VisitId);
    }

    [Fact]
    public async Task A_venue_is_compared_as_written_even_with_a_backslash_percent_or_underscore()
    {
        var first = Busan(new DateOnly(2027, 2, 10)) with { Venue = @"Room 3\B_1 (100%)", OtherHostName = "Host One" };
        Assert.NotNull((await portal.SendAsync(first)).VisitId);

        var sameRoom = await portal.SendAsync(first with { OrganizationName = "Daegu", OtherHostName = "Host Two" });
        var lookalike = await portal.SendAsync(
            first with
            {
                OrganizationName = "Ulsan",
                OtherHostName = "Host Three",
                Venue = "Room 3B11 (1000)",
            }
        );

        Assert.True(Assert.Single(sameRoom.Conflicts).SameVenue);
        Assert.NotNull(lookalike.VisitId);
        Assert.Empty(lookalike.Conflicts);
    }

    [Fact]
    public async Task A_cancelled_visit_books_nothing()
    {
        var first = await portal.SendAsync(Busan(new DateOnly(2026, 12, 3)));
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = first.VisitId!.Value,
                Version = 0,
                Reason = "Postponed",
            }
        );

        var second = await portal.SendAsync(Busan(new DateOnly(2026, 12, 3)) with { OrganizationName = "Daegu" });

        Assert.NotNull(second.VisitId);
        Assert.Empty(second.Conflicts);
    }

    public static TheoryData<string, Func<ScheduleVisit.Command, ScheduleVisit.Command>> InvalidPlans() =>
        new()
        {
            { "OrganizationName", c => c with { OrganizationName = "" } },
            { "OrganizationName", c => c with { OrganizationName = new string('x', 201) } },
            { "CountryCode", c => c with { CountryCode = "" } },
            { "CountryCode", c => c with { CountryCode = "XX" } },
            { "Purpose", c => c with { Purpose = " " } },
            { "Date", c => c with { Date = null } },
            { "StartTime", c => c with { StartTime = null } },
            { "EndTime", c => c with { EndTime = new TimeOnly(13, 0) } },
            { "TimeZoneId", c => c with { TimeZoneId = "Mars/Olympus" } },
            { "Venue", c => c with { Venue = "" } },
            { "HostStaffIds", c => c with { OtherHostName = null } },
            { "ExpectedHeadcount", c => c with { ExpectedHeadcount = 0 } },
            { "ExpectedHeadcount", c => c with { ExpectedHeadcount = 1001 } },
            { "HeadOfDelegation", c => c with { HeadOfDelegation = new string('x', 201) } },
            { "Languages", c => c with { Languages = new string('x', 201) } },
        };

    [Theory]
    [MemberData(nameof(InvalidPlans))]
    public async Task Each_invalid_field_is_refused_by_name_and_nothing_is_saved(
        string field,
        Func<ScheduleVisit.Command, ScheduleVisit.Command> spoil
    )
    {
        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(spoil(Busan(new DateOnly(2026, 12, 3))))
        );

        Assert.Contains(field, refused.Errors.Select(e => e.PropertyName));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task A_time_zone_longer_than_its_column_is_refused_for_its_length()
    {
        var tooLong = "Asia/" + new string('x', VenueTime.ZoneIdMaxLength);

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(Busan(new DateOnly(2026, 12, 3)) with { TimeZoneId = tooLong })
        );

        Assert.Contains(refused.Errors, e => e.PropertyName == "TimeZoneId" && e.ErrorCode == "MaximumLengthValidator");
        Assert.Equal(1, await portal.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task A_wall_clock_time_that_does_not_exist_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(
                Busan(new DateOnly(2026, 3, 8)) with
                {
                    TimeZoneId = "America/New_York",
                    StartTime = new TimeOnly(2, 30),
                    EndTime = new TimeOnly(4, 0),
                }
            )
        );

        Assert.Equal("Visit.TimeDoesNotExist", refused.Code);
    }
}
