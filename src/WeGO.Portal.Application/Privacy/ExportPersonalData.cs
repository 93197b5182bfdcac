using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Privacy;

namespace WeGO.Portal.Application.Privacy;

/// <summary>An administrator gives a person everything the portal holds about them, every value written out (the
/// messages' bodies, the notes' texts). Each export is recorded (<see cref="PrivacyRequest"/>, counts only) in the same
/// unit of work, so the audit trail says who exported and when.</summary>
public static class ExportPersonalData
{
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Command(string Email) : ICommand<PersonalData>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).NotEmpty().MaximumLength(EmailAddress.MaxLength).EmailAddress();
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command, PersonalData>
    {
        public async ValueTask<PersonalData> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await PersonalData.FindAsync(db, command.Email, cancellationToken);
            db.PrivacyRequests.Add(
                new PrivacyRequest(PrivacyRequestKind.Export, found.Counts, clock.GetUtcNow().UtcDateTime)
            );
            return found;
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The person reads the file: their own letters, not \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The export as a JSON document, by store, with when it was made.</summary>
    public static byte[] ToJson(PersonalData data, DateTime exportedAtUtc) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                data.Email,
                ExportedAtUtc = exportedAtUtc,
                AlsoKnownAs = data.Names,
                data.Counts,
                data.Inquiries,
                data.Applications,
                data.VisitRequests,
                data.RosterEntries,
                data.DelegationContacts,
                data.Contacts,
                data.Messages,
            },
            Json
        );
}
