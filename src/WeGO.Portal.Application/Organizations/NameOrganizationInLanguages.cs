using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Organizations;

/// <summary>Staff give an organisation its name in English, Spanish and Korean ("Ayuntamiento de Seremban"), beside
/// its official and local names: releases and pages in those languages print it.</summary>
public static class NameOrganizationInLanguages
{
    /// <summary>The form, filled from the organisation as it is saved.</summary>
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query(int OrganizationId) : IQuery<Form?>;

    public sealed record Form(Command Command, string OfficialName, string? LocalName, string CountryCode);

    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int OrganizationId { get; init; }

        /// <summary>The organisation's version the form was built from.</summary>
        public int Version { get; init; }

        public string? NameEn { get; init; }

        public string? NameEs { get; init; }

        public string? NameKo { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NameEn).MaximumLength(Organization.NameMaxLength);
            RuleFor(c => c.NameEs).MaximumLength(Organization.NameMaxLength);
            RuleFor(c => c.NameKo).MaximumLength(Organization.NameMaxLength);
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IQueryHandler<Query, Form?>
    {
        public async ValueTask<Form?> Handle(Query query, CancellationToken cancellationToken) =>
            await db
                .Organizations.AsNoTracking()
                .Where(o => o.Id == query.OrganizationId)
                .Select(o => new Form(
                    new Command
                    {
                        OrganizationId = o.Id,
                        Version = o.Version,
                        NameEn = o.NameEn,
                        NameEs = o.NameEs,
                        NameKo = o.NameKo,
                    },
                    o.Name,
                    o.LocalName,
                    o.CountryCode
                ))
                .SingleOrDefaultAsync(cancellationToken);
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var organization = await db.Organizations.SingleForChangeAsync(
                db,
                command.OrganizationId,
                command.Version,
                "Organization.NotFound",
                cancellationToken
            );
            organization.NameInLanguages(command.NameEn, command.NameEs, command.NameKo);
            return Unit.Value;
        }
    }
}
