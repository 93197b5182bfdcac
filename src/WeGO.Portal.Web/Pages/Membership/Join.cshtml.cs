using Mediator;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>The public membership inquiry form at /Membership/Join (also /join), protected as every public form is
/// (<see cref="PublicFormModel{TCommand,TResult}"/>).</summary>
public sealed class JoinModel(IMediator mediator, ILogger<JoinModel> logger)
    : PublicFormModel<SubmitMembershipInquiry.Command, SubmitMembershipInquiry.Result>(mediator, logger)
{
    private readonly IMediator mediator = mediator;

    public IReadOnlyList<ListVisitsForInquiry.VisitChoice> Visits { get; private set; } = [];

    public async Task OnGetAsync(int? visit, CancellationToken cancellationToken)
    {
        await LoadForRedisplayAsync(cancellationToken);
        Input = new SubmitMembershipInquiry.Command
        {
            PreferredLanguage = ReaderLanguage,
            VisitId = Visits.Any(v => v.Id == visit) ? visit : null,
        };
    }

    public override async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Visits = (await mediator.Send(new ListVisitsForInquiry.Query(), cancellationToken)).Visits;

    protected override string StatusToken(SubmitMembershipInquiry.Result result) => result.StatusToken;
}
