using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.Delegation;

/// <summary>The delegation's own page at the contact's private link (<c>/delegation/{token}</c>, no sign-in): the
/// programme as the mail gave it and the roster, which the contact changes until the deadline, all in the contact's
/// language. A link that opens nothing gets the ordinary 404, whatever the reason. Posts are rate-limited per network
/// like the public forms', with a limit of their own (<see cref="PublicFormRateLimit.DelegationPolicy"/>).</summary>
[EnableRateLimiting(PublicFormRateLimit.DelegationPolicy)]
[ContactLanguage]
public sealed class IndexModel(IMediator mediator) : PageModel, IRedisplayAfterRejection, IAsyncPageFilter
{
    public GetDelegationPage.Page Delegation { get; private set; } = null!;

    [BindProperty]
    public SaveDelegateOnDelegationPage.Command Input { get; set; } = new();

    /// <summary>?edit={memberId}: the form corrects this delegate instead of adding one.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? EditId { get; set; }

    public GetDelegationPage.Member? Editing =>
        Delegation.RosterOpen ? Delegation.Roster.FirstOrDefault(m => m.Id == EditId) : null;

    /// <summary>Reads the page before the handler runs, so the handler, its refusals and the page are all in the
    /// contact's language; a link that opens nothing answers 404 here. Implemented explicitly: a public override
    /// would also be taken for a handler of a "PAGE" method.</summary>
    async Task IAsyncPageFilter.OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    )
    {
        StatusLinks.KeepPrivate(Response);
        if (context.HandlerMethod is null && !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method))
        {
            // No handler takes this method: MethodNotHandled answers 405 whatever the link.
            await next();
            return;
        }

        if (await mediator.Send(new GetDelegationPage.Query(Token), HttpContext.RequestAborted) is not { } page)
        {
            context.Result = NotFound();
            return;
        }

        Delegation = page;
        ContactLanguageAttribute.Use(HttpContext, page.Programme.ContactLanguage);
        await next();
    }

    public void OnGet()
    {
        if (Editing is { } member)
        {
            Input = new SaveDelegateOnDelegationPage.Command
            {
                MemberId = member.Id,
                Honorific = member.Honorific,
                FullName = member.FullName,
                Title = member.Title,
                Organization = member.Organization,
                Role = member.Role,
                Email = member.Email,
                InterpretationNeeds = member.InterpretationNeeds,
                DietaryNeeds = member.DietaryNeeds,
                AccessibilityNeeds = member.AccessibilityNeeds,
            };
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { Token = Token }, cancellationToken);
        this.Done(Input.MemberId is null ? "Roster.Added" : "Roster.Saved", Input.FullName.Trim());
        return RedirectToPage(null, null, new { token = Token }, "roster");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int memberId, CancellationToken cancellationToken)
    {
        var name = Delegation.Roster.FirstOrDefault(m => m.Id == memberId)?.FullName ?? "";
        await mediator.Send(new RemoveDelegateOnDelegationPage.Command(Token, memberId), cancellationToken);
        this.Done("Roster.Removed", name);
        return RedirectToPage(null, null, new { token = Token }, "roster");
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Delegation = await mediator.Send(new GetDelegationPage.Query(Token), cancellationToken)
            ?? throw new DomainException("Visit.NotFound");

    private string? Token => RouteData.Values["token"] as string;
}

/// <summary>Renders the page in the language its handler chose (<see cref="Use"/>): a handler's culture does not flow
/// into the result's execution, which runs after it returns.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ContactLanguageAttribute : Attribute, IAsyncAlwaysRunResultFilter
{
    private const string Key = "wego.contact-language";

    public static void Use(HttpContext http, string language)
    {
        http.Items[Key] = language;
        Apply(language);
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.HttpContext.Items[Key] is string language)
        {
            Apply(language);
        }

        await next();
    }

    private static void Apply(string language)
    {
        CultureInfo.CurrentCulture = Application.Common.Dates.Culture(language);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
    }
}
