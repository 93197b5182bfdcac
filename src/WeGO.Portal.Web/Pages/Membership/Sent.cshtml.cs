using Mediator;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>The confirmation after the membership form (<see cref="PublicFormSentModel"/>).</summary>
public sealed class SentModel(IMediator mediator) : PublicFormSentModel
{
    public override string TextPrefix => "Join";

    protected override string StatusPage => "/Membership/Status";

    protected override async Task<(string Reference, string OrganizationName)?> FindAsync(
        string token,
        CancellationToken cancellationToken
    ) =>
        await mediator.Send(new GetInquiryStatus.Query(token), cancellationToken) is { } inquiry
            ? (inquiry.Reference, inquiry.OrganizationName)
            : null;
}
