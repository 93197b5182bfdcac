using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages;

/// <summary>The privacy notice the inquiry form links to: what is stored, why, for how long, whom to ask.</summary>
[OutputCache(PolicyName = PublicPages.Privacy)]
public sealed class PrivacyModel(IOptions<MailSettings> mail, IOptions<DelegationSettings> delegations) : PageModel
{
    public string SecretariatAddress => mail.Value.SecretariatAddress;

    /// <summary>Days after a visit before its delegates' dietary and accessibility needs are deleted; 0:
    /// kept.</summary>
    public int NeedsRetentionDays => delegations.Value.NeedsRetentionDays;

    public void OnGet() { }
}
