using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The tests share one portal: each schedules its own visits, for cities, venues and hosts of their own
/// (<see cref="Busan"/>), so the warnings a test meets are about its own rows only.</summary>
public sealed class ScheduleVisitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> VisitCountAsync() => portal.WithDbAsync(db => db.Visits.CountAsync());

    private Task<int> OrganizationCountAsync() => portal.WithDbAsync(db => db.Organizations.CountAsync());

    private Task<int> OrganizationOfAsync(int visitId) =>
        portal.WithDbAsync(db => db.Visits.Where(v => v.Id == visitId).Select(v => v.OrganizationId).SingleAsync());

    /// <summary>A visit by a new city of its own (no similar name warns), at a venue and with a host no other visit
    /// has (nothing is double-booked): a test names the city, venue or host it is about.</summary>
    private static ScheduleVisit.Command Busan(DateOnly date) =>
        new()
        {
            OrganizationName = TestData.Unique("Busan Metropolitan City"),
            CountryCode = "KR",
            Purpose = "Smart-city exchange",
            Date = date,
            StartTime = new TimeOnly(14, 0),
            EndTime = new TimeOnly(15, 30),
            Venue = TestData.Unique("Seoul City Hall"),
            OtherHostName = TestData.Unique("Someone Else"),
            HeadOfDelegation = "Deputy Mayor",
            ExpectedHeadcount = 12,
            CreateNewOrganization = true,
        };

    [Fact]
    public async Task Scheduling_creates_the_city_and_the_requested_visit_in_Seoul_time()
    {
        var command = Busan(new DateOnly(2026, 12, 3));
        var organizations = await OrganizationCountAsync();

        var result = await portal.SendAsync(command);

        Assert.NotNull(result.VisitId);
        Assert.Equal(organizations + 1, await OrganizationCountAsync());
        var visit = await portal.SendAsync(new GetVisit.Query(result.VisitId.Value));
        Assert.NotNull(visit);
        Assert.Equal(command.OrganizationName, visit.Organization.Name);
        Assert.Equal(Region.AsiaPacific, visit.Organization.Region);
        Assert.Equal(VisitStatus.Requested, visit.Status);
        Assert.Equal(new DateTime(2026, 12, 3, 5, 0, 0, DateTimeKind.Utc), visit.Plan.StartsAtUtc);
        Assert.Equal(12, visit.Delegation.Headcount);
        Assert.Equal("Deputy Mayor", visit.Delegation.HeadOfDelegation);
        Assert.Equal([command.OtherHostName], visit.Hosts.Select(h => h.Name));
    }

    [Fact]
    public async Task Region_is_suggested_from_the_country_unless_chosen()
    {
        var quito = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 4)) with
            {
                OrganizationName = TestData.Unique("Quito"),
                CountryCode = "EC",
            }
        );
        var chosen = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 5)) with
            {
                OrganizationName = TestData.Unique("Istanbul"),
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
        var city = TestData.Unique("Seremban City Council");
        var seremban = await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        var organizations = await OrganizationCountAsync();

        var again = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 3)) with
            {
                OrganizationName = city.ToLowerInvariant().Replace("city council", "city-council"),
                CountryCode = "MY",
                CreateNewOrganization = false,
            }
        );

        Assert.Equal(organizations, await OrganizationCountAsync());
        Assert.Equal(await OrganizationOfAsync(seremban), await OrganizationOfAsync(again.VisitId!.Value));
    }

    [Fact]
    public async Task A_similar_city_name_is_shown_before_anything_is_saved_and_can_be_overridden()
    {
        // Nilai, Seremban's neighbour: no other test names a city after it, so its council is the only similar one.
        var city = TestData.Unique("Nilai City Council");
        await portal.ScheduleVisitAsync(c => c with { OrganizationName = city, LocalName = "Majlis Bandaraya Nilai" });
        var organizations = await OrganizationCountAsync();
        var similar = Busan(new DateOnly(2026, 12, 3)) with
        {
            OrganizationName = "Nilai Municipal Council",
            CountryCode = "MY",
            CreateNewOrganization = false,
        };

        var warned = await portal.SendAsync(similar);

        Assert.Null(warned.VisitId);
        Assert.Equal(city, Assert.Single(warned.SimilarOrganizations).Name);
        Assert.Equal(organizations, await OrganizationCountAsync());

        var created = await portal.SendAsync(similar with { CreateNewOrganization = true });
        Assert.NotNull(created.VisitId);
        Assert.Equal(organizations + 1, await OrganizationCountAsync());
    }

    [Fact]
    public async Task Choosing_the_existing_city_from_the_warning_schedules_for_it()
    {
        var city = TestData.Unique("Seremban City Council");
        var serembanId = await OrganizationOfAsync(
            await portal.ScheduleVisitAsync(c => c with { OrganizationName = city })
        );

        var result = await portal.SendAsync(
            Busan(new DateOnly(2026, 12, 3)) with
            {
                OrganizationId = serembanId,
                OrganizationName = "Seremban Municipal Council",
            }
        );

        Assert.Equal(city, (await portal.SendAsync(new GetVisit.Query(result.VisitId!.Value)))!.Organization.Name);
    }

    [Fact]
    public async Task A_host_already_booked_at_that_time_is_a_warning_showing_the_other_visit()
    {
        var city = TestData.Unique("Seremban City Council");
        var kimName = TestData.Unique("Jeong-kee Kim");
        var kim = await portal.SecretariatContactAsync(kimName);
        var seremban = await portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = city,
                Venue = TestData.Unique("WeGO Secretariat, Seoul"),
                OtherHostName = null,
                HostContactIds = [kim],
            }
        );
        var overlapping = Busan(new DateOnly(2024, 10, 7)) with
        {
            StartTime = new TimeOnly(11, 0),
            EndTime = new TimeOnly(13, 0),
            OtherHostName = null,
            HostContactIds = [kim],
        };
        var visits = await VisitCountAsync();

        var warned = await portal.SendAsync(overlapping);

        Assert.Null(warned.VisitId);
        var conflict = Assert.Single(warned.Conflicts);
        Assert.Equal((seremban, city), (conflict.VisitId, conflict.Organization));
        Assert.Equal([kimName], conflict.SharedHosts);
        Assert.False(conflict.SameVenue);
        Assert.Equal(visits, await VisitCountAsync());

        var confirmed = await portal.SendAsync(overlapping with { ScheduleDespiteConflicts = true });
        Assert.NotNull(confirmed.VisitId);
    }

    [Fact]
    public async Task The_same_venue_at_an_overlapping_time_is_a_warning_but_back_to_back_is_not()
    {
        var venue = TestData.Unique("WeGO Secretariat, Seoul");
        var seremban = await portal.ScheduleVisitAsync(c => c with { Venue = venue });
        var sameVenue = Busan(new DateOnly(2024, 10, 7)) with
        {
            StartTime = new TimeOnly(9, 0),
            EndTime = new TimeOnly(10, 30),
            Venue = venue.ToLowerInvariant(),
        };
        var backToBack = sameVenue with { StartTime = new TimeOnly(12, 0), EndTime = new TimeOnly(13, 0) };

        var conflict = Assert.Single((await portal.SendAsync(sameVenue)).Conflicts);
        Assert.Equal((seremban, true), (conflict.VisitId, conflict.SameVenue));
        Assert.NotNull((await portal.SendAsync(backToBack)).VisitId);
    }

    [Fact]
    public async Task A_venue_is_compared_as_written_even_with_a_backslash_percent_or_underscore()
    {
        var first = Busan(new DateOnly(2027, 2, 10)) with { Venue = @"Room 3\B_1 (100%)", OtherHostName = "Host One" };
        Assert.NotNull((await portal.SendAsync(first)).VisitId);

        var sameRoom = await portal.SendAsync(
            first with
            {
                OrganizationName = TestData.Unique("Daegu"),
                OtherHostName = "Host Two",
            }
        );
        var lookalike = await portal.SendAsync(
            first with
            {
                OrganizationName = TestData.Unique("Ulsan"),
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
        var booked = Busan(new DateOnly(2026, 12, 3));
        await portal.ScheduleCancelledVisitAsync(_ => booked, "Postponed");

        var second = await portal.SendAsync(booked with { OrganizationName = TestData.Unique("Daegu") });

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
        var visits = await VisitCountAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(spoil(Busan(new DateOnly(2026, 12, 3))))
        );

        Assert.Contains(field, refused.Errors.Select(e => e.PropertyName));
        Assert.Equal(visits, await VisitCountAsync());
    }

    [Fact]
    public async Task A_time_zone_longer_than_its_column_is_refused_for_its_length()
    {
        var tooLong = "Asia/" + new string('x', VenueTime.ZoneIdMaxLength);
        var visits = await VisitCountAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(Busan(new DateOnly(2026, 12, 3)) with { TimeZoneId = tooLong })
        );

        Assert.Contains(refused.Errors, e => e.PropertyName == "TimeZoneId" && e.ErrorCode == "MaximumLengthValidator");
        Assert.Equal(visits, await VisitCountAsync());
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
