using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Forms;

/// <summary>What every public form's page does alike (the membership inquiry, the visit request; decision 0027): posts
/// are rate-limited per network; a filled-in honeypot field (invisible to people, irresistible to form-filling robots)
/// gets the confirmation page and stores nothing; a value that did not even bind is shown with every other problem at
/// once; a sent form leads to its confirmation with the private link's token. The validator is asked for by the post
/// alone: building it on every showing of the form cost more than anything else the page model does.</summary>
[EnableRateLimiting(PublicFormRateLimit.Policy)]
public abstract partial class PublicFormModel<TCommand, TResult>(IMediator mediator, ILogger logger)
    : PageModel,
        IRedisplayAfterRejection
    where TCommand : class, ICommand<TResult>, new()
{
    [BindProperty]
    public TCommand Input { get; set; } = new();

    [BindProperty(Name = PublicForm.HoneypotField)]
    public string? Honeypot { get; set; }

    /// <summary>The language the form reads in, when the form offers it for replies; else English.</summary>
    protected static string ReaderLanguage =>
        Application.Membership.SubmitMembershipInquiry.Languages.FirstOrDefault(l =>
            l == System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName
        ) ?? "en";

    /// <summary>The private link's token in what the use case returned.</summary>
    protected abstract string StatusToken(TResult result);

    public async Task<IActionResult> OnPostAsync(
        [FromServices] IValidator<TCommand> validator,
        CancellationToken cancellationToken
    )
    {
        if (!string.IsNullOrEmpty(Honeypot))
        {
            LogHoneypot(logger, GetType().Name);
            return RedirectToPage("Sent");
        }

        if (!ModelState.IsValid)
        {
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
        return RedirectToPage("Sent", new { token = StatusToken(result) });
    }

    public virtual Task LoadForRedisplayAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Public form {Form} refused: the honeypot field was filled in; nothing stored"
    )]
    private static partial void LogHoneypot(ILogger logger, string form);
}

/// <summary>The confirmation after a public form: the reference, the private link to keep, what happens next. Without
/// a token (the honeypot's answer) it looks the same but names nothing; an unknown token is 404.</summary>
public abstract class PublicFormSentModel : PageModel
{
    public PublicForm.Sent? Sent { get; private set; }

    /// <summary>The resource keys' prefix of this form's thanks and next steps ("Join", "VisitRequestForm").</summary>
    public abstract string TextPrefix { get; }

    /// <summary>The private status page, e.g. "/Membership/Status".</summary>
    protected abstract string StatusPage { get; }

    /// <summary>The reference and organisation behind a token, or null when it names nothing.</summary>
    protected abstract Task<(string Reference, string OrganizationName)?> FindAsync(
        string token,
        CancellationToken cancellationToken
    );

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        if (token is null)
        {
            return Page();
        }

        if (await FindAsync(token, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Sent = new PublicForm.Sent(
            found.Reference,
            found.OrganizationName,
            $"{Request.Scheme}://{Request.Host}{Request.PathBase}{StatusPage}/{token}"
        );
        return Page();
    }
}

public static class PublicForm
{
    /// <summary>The honeypot's field name: one a robot fills in gladly.</summary>
    public const string HoneypotField = "website";

    public sealed record Sent(string Reference, string OrganizationName, string StatusLink);

    /// <summary>The top of a private status page: what was sent, when, and where it stands.</summary>
    public sealed record Summary(
        string Reference,
        string OrganizationName,
        string CountryCode,
        DateTime SubmittedAtUtc,
        string State,
        DateTime StateChangedAtUtc
    );
}

/// <summary>The programmes' checkboxes: the bound list's name ("Input.Interests"), what is ticked, the
/// legend.</summary>
public sealed record ProgrammeChoices(
    string Name,
    IReadOnlyCollection<Domain.Membership.MembershipInterest> Ticked,
    string LabelKey,
    string IdPrefix
);
