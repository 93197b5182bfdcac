using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff send a confirmed visit's programme to the delegation's contact, in the contact's language: one
/// outbox mail with the visit's <c>.ics</c> attached and a fresh link to the delegation page (the earlier link stops
/// working: docs/decisions/0025-a-fresh-delegation-link-with-each-programme.md). What was sent is kept, so the visit
/// page can say what changed since; sent again after a change, the mail says what changed.</summary>
public static class SendProgramme
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int VisitId, int Version) : ICommand<Result>;

    /// <summary>Who it went to, and what it said had changed (empty for a first programme).</summary>
    public sealed record Result(string To, IReadOnlyList<ProgrammeChange> Changes);

    public sealed class Handler(
        PortalDbContext db,
        TimeProvider clock,
        IOptions<MailSettings> mail,
        IStringLocalizer<Messages> text
    ) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            var programme = await VisitProgramme
                .Project(db.Visits.AsNoTracking().Where(v => v.Id == command.VisitId))
                .AsSplitQuery()
                .SingleAsync(cancellationToken);

            // The entity refuses an unconfirmed visit or one without a contact before anything is written.
            visit.RecordProgrammeSent(VisitProgramme.Snapshot(programme), now);
            var token = PrivateLinks.NewStatusToken();
            visit.IssueDelegationLink(PrivateLinks.HashStatusToken(token));

            var changes = VisitProgramme.Changes(programme.ProgrammeSent, programme);
            var page = new Uri(mail.Value.PublicUrl.ToString().TrimEnd('/') + "/delegation/" + token);
            var (subject, body) = VisitProgramme.Mail(programme, page, changes, programme.HasDelegationLink);
            var calendar = await CalendarInAsync(command.VisitId, programme.ContactLanguage, now, cancellationToken);
            db.OutboxMessages.Add(
                new Domain.Common.OutboxMessage(
                    programme.ContactEmail!,
                    subject,
                    body,
                    programme.ContactLanguage,
                    now,
                    kind: "VisitProgramme"
                ).Attach(calendar.FileName, ExportVisitCalendar.ContentType, calendar.Content)
            );
            return new Result(programme.ContactEmail!, changes);
        }

        /// <summary>The visit's event as ExportVisitCalendar writes it, its texts in the contact's language.</summary>
        private async Task<ExportVisitCalendar.IcsFile> CalendarInAsync(
            int visitId,
            string language,
            DateTime now,
            CancellationToken cancellationToken
        )
        {
            var visitEvent = await ExportVisitCalendar
                .Project(db.Visits.AsNoTracking().Where(v => v.Id == visitId))
                .SingleAsync(cancellationToken);
            var staffCulture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            try
            {
                var content = ExportVisitCalendar.Write([visitEvent], now, text, portalRoot: null);
                return new ExportVisitCalendar.IcsFile(ExportVisitCalendar.FileName(visitEvent.Id), content);
            }
            finally
            {
                CultureInfo.CurrentUICulture = staffCulture;
            }
        }
    }
}
