using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages;

/// <summary>The privacy notice the public forms link to: every place the portal keeps a person's data, why, and for
/// how long (from the settings the retention runs obey), and whom to ask.</summary>
[OutputCache(PolicyName = PublicPages.Privacy)]
public sealed class PrivacyModel(IOptions<MailSettings> mail) : PageModel
{
    public string SecretariatAddress => mail.Value.SecretariatAddress;

    public void OnGet() { }
}
