using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Testing;

/// <summary>Visit requests as cities send them on the public form.</summary>
public static partial class TestData
{
    /// <summary>A request as <see cref="VisitRequestAsync"/> made it: its id, reference and private link's token.
    /// </summary>
    public sealed record SubmittedVisitRequest(int Id, string Reference, string Token, string OrganizationName);

    /// <summary>Seremban's council asking to visit, as its official fills in the form: Lee Kai Yet, Councillor, 36
    /// people some sixty days from now, a few days either way, interested in feasibility studies and capacity building,
    /// for an organisation of its own (a made-up word no other name resembles) unless the test names one.</summary>
    public static SubmitVisitRequest.Command SerembanVisitRequest(string? organization = null, string language = "en")
    {
        var earliest = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60));
        return new()
        {
            OrganizationName = organization ?? DistinctCouncil(),
            CountryCode = "MY",
            ContactName = "Lee Kai Yet",
            ContactPosition = "Councillor",
            Email = "lee.kaiyet@mbs.gov.my",
            Phone = "+60 6-762 0000",
            PreferredLanguage = language,
            EarliestDate = earliest,
            LatestDate = earliest.AddDays(4),
            Flexibility = DateFlexibility.FewDaysEitherWay,
            DelegationSize = 36,
            Purpose = "Learn how Seoul runs its smart-city services",
            Topics = [MembershipInterest.FeasibilityStudies, MembershipInterest.CapacityBuilding],
            OtherTopics = "Urban planning",
            Languages = "Malay, English",
            InterpretationNeeded = true,
            ConsentGiven = true,
        };
    }

    /// <summary>Sends <see cref="SerembanVisitRequest"/>, changed by <paramref name="change"/>, through the public
    /// form's use case.</summary>
    public static async Task<SubmittedVisitRequest> VisitRequestAsync(
        this PortalFactory portal,
        Func<SubmitVisitRequest.Command, SubmitVisitRequest.Command>? change = null
    )
    {
        var command = change is null ? SerembanVisitRequest() : change(SerembanVisitRequest());
        var sent = await portal.SendAsync(command);
        var id = await portal.WithDbAsync(db =>
            db.VisitRequests.Where(r => r.Reference == sent.Reference).Select(r => r.Id).SingleAsync()
        );
        return new SubmittedVisitRequest(id, sent.Reference, sent.StatusToken, command.OrganizationName!);
    }

    /// <summary>The request as it is stored now.</summary>
    public static Task<VisitRequest> StoredVisitRequestAsync(this PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.VisitRequests.AsNoTracking().SingleAsync(r => r.Id == id));
}
