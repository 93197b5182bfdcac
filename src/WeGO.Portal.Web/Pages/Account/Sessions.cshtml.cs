using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Forms;
using WeGO.Portal.Web.Identity;

namespace WeGO.Portal.Web.Pages.Account;

/// <summary>Where the signed-in user is signed in, and "sign out everywhere".</summary>
public sealed class SessionsModel(IMediator mediator, UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    : PageModel,
        IRedisplayAfterRejection
{
    public IReadOnlyList<ListStaffSessions.Row> Sessions { get; private set; } = [];

    public string? CurrentSessionId => User.FindFirst(SessionCookie.SessionClaim)?.Value;

    private string UserId =>
        users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sessions = await mediator.Send(new ListStaffSessions.Query(UserId), cancellationToken);

    public Task LoadForRedisplayAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostEndAsync(string? sessionId, CancellationToken cancellationToken)
    {
        await mediator.Send(new EndStaffSessions.Command(UserId, sessionId ?? ""), cancellationToken);
        this.Done("Sessions.Ended");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new EndStaffSessions.Command(UserId), cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
