using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>What the forms to propose other dates and to decline need: the request, and what was typed (after a
/// refusal) or the request's own dates and version (at first).</summary>
public sealed record RequestWork(
    VisitRequest Request,
    ProposeVisitDates.Command Proposal,
    DeclineVisitRequest.Command Refusal
)
{
    public static RequestWork For(
        VisitRequest request,
        ProposeVisitDates.Command typedProposal,
        DeclineVisitRequest.Command typedRefusal
    ) =>
        new(
            request,
            typedProposal with
            {
                RequestId = request.Id,
                Version = request.Version,
                EarliestDate = typedProposal.EarliestDate ?? request.EarliestDate,
                LatestDate = typedProposal.LatestDate ?? request.LatestDate,
            },
            typedRefusal with
            {
                RequestId = request.Id,
                Version = request.Version,
            }
        );
}
