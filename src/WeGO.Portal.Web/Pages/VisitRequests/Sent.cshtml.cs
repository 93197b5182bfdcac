using Mediator;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>The confirmation after the visit request form (<see cref="PublicFormSentModel"/>).</summary>
public sealed class SentModel(IMediator mediator) : PublicFormSentModel
{
    public override string TextPrefix => "VisitRequestForm";

    protected override string StatusPage => "/VisitRequests/Status";

    protected override async Task<(string Reference, string OrganizationName)?> FindAsync(
        string token,
        CancellationToken cancellationToken
    ) =>
        await mediator.Send(new GetVisitRequestStatus.Query(token), cancellationToken) is { } request
            ? (request.Reference, request.OrganizationName)
            : null;
}
