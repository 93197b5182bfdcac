using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

/// <summary>Zones are kept once found; what is kept answers as the runtime does.</summary>
public sealed class VenueTimeTests
{
    [Fact]
    public void A_zone_found_once_is_the_same_zone_every_time()
    {
        var first = VenueTime.Zone(VenueTime.Seoul);
        var again = VenueTime.Zone(VenueTime.Seoul);

        Assert.Same(first, again);
        Assert.Equal(TimeSpan.FromHours(9), first.BaseUtcOffset);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(VenueTime.Seoul).Id, first.Id);
    }

    [Fact]
    public void An_unknown_zone_fails_every_time_it_is_asked_for()
    {
        for (var i = 0; i < 2; i++)
        {
            var failure = Assert.Throws<DomainException>(() => VenueTime.Zone("Mars/Olympus_Mons"));
            Assert.Equal("Visit.TimeZoneUnknown", failure.Code);
        }
    }

    [Theory]
    [InlineData("asia/seoul")]
    [InlineData("ASIA/SEOUL")]
    [InlineData("Asia/Kuala_Lumpur")]
    public void An_id_spelt_another_way_answers_as_the_runtime_would(string id)
    {
        VenueTime.Zone(VenueTime.Seoul);
        TimeZoneInfo? runtime;
        try
        {
            runtime = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            runtime = null;
        }

        for (var i = 0; i < 2; i++)
        {
            if (runtime is null)
            {
                Assert.Throws<DomainException>(() => VenueTime.Zone(id));
            }
            else
            {
                Assert.Equal(runtime.BaseUtcOffset, VenueTime.Zone(id).BaseUtcOffset);
            }
        }
    }
}
