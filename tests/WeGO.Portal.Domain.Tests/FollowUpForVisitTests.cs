using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

public sealed class FollowUpForVisitTests
{
    private static readonly DateTime Now = new(2024, 10, 8, 9, 0, 0, DateTimeKind.Utc);

    private static Visit Visit() => Seremban.Visit(Now, "Study visit");

    [Fact]
    public void A_follow_up_promised_during_a_visit_starts_open_for_its_owner()
    {
        var followUp = FollowUp.ForVisit(
            Visit(),
            "Send the membership pack",
            "Lii Inn Tan",
            null,
            new DateOnly(2024, 10, 14),
            Now
        );

        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Equal("Lii Inn Tan", followUp.OwnerName);
        Assert.Null(followUp.InquiryId);
    }

    [Fact]
    public void A_cancelled_visit_takes_no_new_follow_ups()
    {
        var visit = Visit();
        visit.Cancel("The delegation's travel was cancelled");

        var refused = Assert.Throws<DomainException>(() =>
            FollowUp.ForVisit(visit, "Send the membership pack", "Lii Inn Tan", null, new DateOnly(2024, 10, 14), Now)
        );

        Assert.Equal("Visit.Cancelled", refused.Code);
    }
}
