using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Web.Forms;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>The public membership inquiry form at /Membership/Join. Posts are rate-limited per network; a filled-in
/// honeypot field (invisible to people, irresistible to form-filling robots) gets a confirmation and stores
/// nothing.</summary>
[EnableRateLimiting(InquiryRateLimit.Policy)]
public sealed partial class JoinModel(
    IMediator mediator,
    IValidator<SubmitMembershipInquiry.Command> validator,
    ILogger<JoinModel> logger
) : PageModel, IRedisplayAfterRejection
{
    public const string HoneypotField = "website";

    [BindProperty]
    public SubmitMembershipInquiry.Command Input { get; set; } = new();

    [BindProperty(Name = HoneypotField)]
    public string? Honeypot { get; set; }

    public IReadOnlyList<ListVisitsForInquiry.VisitChoice> Visits { get; private set; } = [];

    public async Task OnGetAsync(int? visit, CancellationToken cancellationToken)
    {
        await LoadForRedisplayAsync(cancellationToken);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Input = new SubmitMembershipInquiry.Command
        {
            PreferredLanguage = SubmitMembershipInquiry.Languages.Contains(language) ? language : "en",
            VisitId = Visits.Any(v => v.Id == visit) ? visit : null,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Honeypot))
        {
            LogHoneypot(logger);
            return RedirectToPage("Sent");
        }

        if (!ModelState.IsValid)
        {
            // A value that did not even bind (a number field with letters): show it with every other problem at once.
            foreach (var failure in (await validator.ValidateAsync(Input, cancellationToken)).Errors)
            {
                var key = "Input." + failure.PropertyName;
                if (ModelState[key]?.Errors.Count is null or 0)
                {
                    ModelState.AddModelError(key, failure.ErrorMessage);
                }
            }

            await LoadForRedisplayAsync(cancellationToken);
            return Page();
        }

        var result = await mediator.Send(Input, cancellationToken);
        return RedirectToPage("Sent", new { token = result.StatusToken });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Visits = await mediator.Send(new ListVisitsForInquiry.Query(), cancellationToken);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Membership inquiry refused: the honeypot field was filled in; nothing stored"
    )]
    private static partial void LogHoneypot(ILogger logger);
}
