using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.News;

namespace WeGO.Portal.Application.News;

/// <summary>Staff turn an approved visit report into a draft release in one language, written from the visit's facts.
/// A report has one release per language; its language versions share one address (slug).</summary>
public static class DraftNewsRelease
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand<NewId>
    {
        public int ReportId { get; init; }

        public string Language { get; init; } = "en";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleFor(c => c.Language)
                .NotEmpty()
                .Must(language => ReleaseText.Languages.Contains(language))
                .WithMessage(_ => messages["Release.LanguageUnknown"]);
        }
    }

    public sealed class Handler(PortalDbContext db, IOptions<NewsSettings> settings) : ICommandHandler<Command, NewId>
    {
        public async ValueTask<NewId> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db
                .VisitReports.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
                ?? throw new DomainException("Release.ReportNotFound");
            var siblings = await db
                .NewsReleases.AsNoTracking()
                .Where(r => r.VisitReportId == report.Id)
                .Select(r => new
                {
                    r.Id,
                    r.Language,
                    r.Slug,
                })
                .ToListAsync(cancellationToken);
            if (siblings.Any(r => r.Language == command.Language))
            {
                throw new DomainException("Release.AlreadyDrafted");
            }

            var facts = await ReleaseText.FactsOfAsync(
                db,
                report.VisitId,
                report.Participants,
                report.Outcomes,
                cancellationToken
            );
            var slug = siblings.FirstOrDefault()?.Slug
                ?? await FreeSlugAsync(
                    NewsRelease.SlugFor(
                        facts.Organization,
                        DateOnly.FromDateTime(Domain.Visits.VenueTime.ToLocal(facts.StartsAtUtc, facts.TimeZoneId))
                    ),
                    cancellationToken
                );
            var draft = ReleaseText.Write(facts, command.Language, settings.Value);
            var release = NewsRelease.DraftFrom(
                report,
                command.Language,
                slug,
                draft.Headline,
                draft.Dateline,
                draft.Body
            );
            db.NewsReleases.Add(release);
            return new NewId(release);
        }

        /// <summary>The slug, or with "-2", "-3"... when another visit's release already has it (two visits of one city
        /// on one day).</summary>
        private async Task<string> FreeSlugAsync(string slug, CancellationToken cancellationToken)
        {
            var taken = await db
                .NewsReleases.AsNoTracking()
                .Where(r => r.Slug == slug || r.Slug.StartsWith(slug + "-"))
                .Select(r => r.Slug)
                .Distinct()
                .ToListAsync(cancellationToken);
            var candidate = slug;
            for (var n = 2; taken.Contains(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }

            return candidate;
        }
    }
}
