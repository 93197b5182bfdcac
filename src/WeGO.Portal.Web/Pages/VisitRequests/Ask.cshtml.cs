using Mediator;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>The public visit request form at /VisitRequests/Ask (also /visit), protected as every public form is
/// (<see cref="PublicFormModel{TCommand,TResult}"/>).</summary>
public sealed class AskModel(IMediator mediator, ILogger<AskModel> logger)
    : PublicFormModel<SubmitVisitRequest.Command, SubmitVisitRequest.Result>(mediator, logger)
{
    public void OnGet() => Input = new SubmitVisitRequest.Command { PreferredLanguage = ReaderLanguage };

    protected override string StatusToken(SubmitVisitRequest.Result result) => result.StatusToken;
}
