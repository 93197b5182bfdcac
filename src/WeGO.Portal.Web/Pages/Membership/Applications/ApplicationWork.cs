using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Applications;

/// <summary>What the forms staff work an application with need: the application, today's date for acceptance, and
/// what the user typed in a refused form (kept, so nothing is lost).</summary>
public sealed record ApplicationWork(
    GetApplication.Details Application,
    DateOnly Today,
    CheckApplication.Command? Checking = null,
    AcceptApplication.Command? Accepting = null,
    ReturnApplication.Command? Returning = null
)
{
    public CheckApplication.Command Checklist =>
        (
            Checking
            ?? new()
            {
                IsSigned = Application.IsSigned,
                SignatoryIsAuthorised = Application.SignatoryIsAuthorised,
                ContactConfirmed = Application.ContactConfirmed,
            }
        ) with
        {
            Version = Application.Version,
        };

    public AcceptApplication.Command Accept =>
        (Accepting ?? new() { AcceptedOn = Today }) with
        {
            Version = Application.Version,
        };

    public ReturnApplication.Command Return => (Returning ?? new()) with { Version = Application.Version };

    public DocumentUploadForm Upload => new() { Version = Application.Version };
}
