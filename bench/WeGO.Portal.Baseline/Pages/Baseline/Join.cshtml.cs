using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Baseline.Pages.Baseline;

/// <summary>Baseline for the public form, GET and POST /Membership/Join: ListVisitsForInquiry's read (without its
/// cache) and SubmitMembershipInquiry's handler called directly (the same SQL by construction; the post in one
/// transaction, as the unit of work does), without the mediator, validation, logging or rate limiter. Anonymous, like
/// the form. See BaselinePages.cs.</summary>
[AllowAnonymous]
public sealed class JoinModel(PortalDbContext db, TimeProvider clock, IOptions<MailSettings> mail) : PageModel
{
    [BindProperty]
    public SubmitMembershipInquiry.Command Input { get; set; } = new();

    public IReadOnlyList<ListVisitsForInquiry.VisitChoice> Visits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Visits = await ListVisitsForInquiry.ReadAsync(db, clock, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await new SubmitMembershipInquiry.Handler(db, clock, mail).Handle(Input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect("/Membership/Sent/" + result.StatusToken);
    }
}
