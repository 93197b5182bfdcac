using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Web.Pages;

/// <summary>The privacy notice the inquiry form links to: what is stored, why, for how long, whom to ask.</summary>
public sealed class PrivacyModel(IOptions<MailSettings> mail) : PageModel
{
    public string SecretariatAddress => mail.Value.SecretariatAddress;

    public void OnGet() { }
}
