using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff give an inquiry to a regional office and a colleague who owns it. Either may be left empty.</summary>
public static class AssignInquiry
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int InquiryId { get; init; }

        public int Version { get; init; }

        public int? RegionalOfficeId { get; init; }

        /// <summary>A colleague from <see cref="ListStaffForChoice"/>.</summary>
        public string? OwnerUserId { get; init; }
    }

    /// <summary>What the form offers: the offices and the colleagues.</summary>
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record ChoicesQuery : IQuery<Choices>;

    public sealed record Choices(IReadOnlyList<OfficeChoice> Offices, IReadOnlyList<ListStaffForChoice.Choice> Staff);

    public sealed record OfficeChoice(int Id, string Name, string City);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.OwnerUserId).MaximumLength(UserKey.MaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var inquiry = await db.LoadInquiryForChangeAsync(command.InquiryId, command.Version, cancellationToken);
            if (
                command.RegionalOfficeId is { } officeId
                && !await db.RegionalOffices.AnyAsync(o => o.Id == officeId, cancellationToken)
            )
            {
                throw new DomainException("Inquiry.OfficeUnknown");
            }

            var ownerUserId = string.IsNullOrWhiteSpace(command.OwnerUserId) ? null : command.OwnerUserId.Trim();
            if (
                ownerUserId is not null
                && !await ListStaffForChoice.Choices(db, ownerUserId).AnyAsync(cancellationToken)
            )
            {
                throw new DomainException("Inquiry.OwnerUnknown");
            }

            inquiry.AssignTo(command.RegionalOfficeId, ownerUserId);
            return Unit.Value;
        }
    }

    public sealed class ChoicesHandler(PortalDbContext db) : IQueryHandler<ChoicesQuery, Choices>
    {
        public async ValueTask<Choices> Handle(ChoicesQuery query, CancellationToken cancellationToken)
        {
            var offices = await db
                .RegionalOffices.AsNoTracking()
                .OrderByDescending(o => o.IsSecretariat)
                .ThenBy(o => o.Name)
                .Select(o => new OfficeChoice(o.Id, o.Name, o.City))
                .ToListAsync(cancellationToken);
            var staff = await ListStaffForChoice.Choices(db).ToListAsync(cancellationToken);
            return new Choices(offices, staff);
        }
    }
}
