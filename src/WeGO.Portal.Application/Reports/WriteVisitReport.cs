using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>Staff save what the report says, by the Save button or the editor's autosave, against the version
/// their page was built from. Only a draft or a report sent back for changes can be written.</summary>
public static class WriteVisitReport
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand<SavedVisitReport>
    {
        public int ReportId { get; init; }

        public int Version { get; init; }

        public string? Summary { get; init; }

        public string? Participants { get; init; }

        public string? DelegationPresentation { get; init; }

        public string? SecretariatPresentation { get; init; }

        public string? TopicsRaised { get; init; }

        public string? Outcomes { get; init; }

        public string? AttachmentLinks { get; init; }

        public ReportContent Content() =>
            new(
                Summary ?? "",
                Participants,
                DelegationPresentation,
                SecretariatPresentation,
                TopicsRaised,
                Outcomes,
                AttachmentLinks
            );
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleFor(c => c.Summary).MaximumLength(ReportContent.TextMaxLength);
            RuleFor(c => c.Participants).MaximumLength(ReportContent.TextMaxLength);
            RuleFor(c => c.DelegationPresentation).MaximumLength(ReportContent.TextMaxLength);
            RuleFor(c => c.SecretariatPresentation).MaximumLength(ReportContent.TextMaxLength);
            RuleFor(c => c.TopicsRaised).MaximumLength(ReportContent.TextMaxLength);
            RuleFor(c => c.Outcomes).MaximumLength(ReportContent.TextMaxLength);
            RuleFor(c => c.AttachmentLinks).MaximumLength(ReportContent.AttachmentLinksMaxLength);
            RuleFor(c => c.AttachmentLinks)
                .Must(text => ReportAttachmentLinks.Lines(text).All(ReportAttachmentLinks.IsWebAddress))
                .WithMessage(c =>
                    messages[
                        "Report.AttachmentLinkInvalid",
                        ReportAttachmentLinks
                            .Lines(c.AttachmentLinks)
                            .First(line => !ReportAttachmentLinks.IsWebAddress(line))
                    ]
                );
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command, SavedVisitReport>
    {
        public async ValueTask<SavedVisitReport> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db.LoadReportForChangeAsync(command.ReportId, command.Version, cancellationToken);
            report.Write(command.Content(), clock.GetUtcNow().UtcDateTime);
            return new SavedVisitReport(report);
        }
    }
}
