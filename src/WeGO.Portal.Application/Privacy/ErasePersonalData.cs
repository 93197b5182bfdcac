using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Privacy;

namespace WeGO.Portal.Application.Privacy;

/// <summary>An administrator erases, at the person's request, everything found about their address, across every store
/// and in one unit of work: the records keep their stages, states, dates, countries and sizes (the statistics do not
/// move) and lose the person; the copies (messages, audit values, uploaded files, mails written as files) go with
/// them. The request is recorded with its counts, never the address.</summary>
public static class ErasePersonalData
{
    /// <param name="Fingerprint">The <see cref="PersonalData.Fingerprint"/> of what the administrator was shown: the
    /// erasure refuses when the records found have changed since.</param>
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Command(string Email, string Fingerprint) : ICommand<Result>;

    /// <summary>How many records of each store were erased, and the copies with them.</summary>
    public sealed record Result(IReadOnlyDictionary<string, int> Counts);

    public const string AuditEntries = "AuditEntries";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(EmailAddress.MaxLength).EmailAddress();
            RuleFor(c => c.Fingerprint).NotEmpty();
        }
    }

    public sealed class Handler(
        PortalDbContext db,
        TimeProvider clock,
        CommandDocuments documents,
        AfterCommit afterCommit,
        ISentMailCopies sentMail,
        IDatabaseFiles databaseFiles
    ) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await PersonalData.FindAsync(db, command.Email, cancellationToken);
            if (found.Fingerprint != command.Fingerprint)
            {
                throw new DomainException("Privacy.FoundSetChanged");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var records = new List<(string, string)>();

            var inquiryIds = found.Inquiries.Select(i => i.Id).ToList();
            foreach (
                var inquiry in await db
                    .MembershipInquiries.Include(i => i.Notes)
                    .Where(i => inquiryIds.Contains(i.Id))
                    .ToListAsync(cancellationToken)
            )
            {
                inquiry.ErasePerson(now);
                records.Add(PersonalDataCopies.RecordOf(inquiry));
            }

            var applicationIds = found.Applications.Select(a => a.Id).ToList();
            foreach (
                var application in await db
                    .MembershipApplications.Include(a => a.Documents)
                    .Where(a => applicationIds.Contains(a.Id))
                    .ToListAsync(cancellationToken)
            )
            {
                foreach (var storedName in application.ErasePerson())
                {
                    documents.DeleteOnCommit(storedName);
                }

                records.Add(PersonalDataCopies.RecordOf(application));
            }

            var requestIds = found.VisitRequests.Select(r => r.Id).ToList();
            foreach (
                var request in await db
                    .VisitRequests.Where(r => requestIds.Contains(r.Id))
                    .ToListAsync(cancellationToken)
            )
            {
                request.ErasePerson();
                records.Add(PersonalDataCopies.RecordOf(request));
            }

            var visitIds = found
                .RosterEntries.Select(r => r.VisitId)
                .Concat(found.DelegationContacts.Select(c => c.VisitId))
                .Distinct()
                .ToList();
            var visits = await db
                .Visits.Include(v => v.Delegation)
                    .ThenInclude(d => d.Members)
                .Where(v => visitIds.Contains(v.Id))
                .ToDictionaryAsync(v => v.Id, cancellationToken);
            foreach (var entry in found.RosterEntries)
            {
                visits[entry.VisitId].EraseDelegate(entry.MemberId);
            }

            foreach (var contact in found.DelegationContacts)
            {
                visits[contact.VisitId].ForgetDelegationContact();
            }

            records.AddRange(visits.Values.Select(PersonalDataCopies.RecordOf));

            var contactIds = found.Contacts.Select(c => c.Id).ToList();
            foreach (
                var contact in await db.Contacts.Where(c => contactIds.Contains(c.Id)).ToListAsync(cancellationToken)
            )
            {
                contact.ErasePerson();
                records.Add(PersonalDataCopies.RecordOf(contact));
                if (contact.OrganizationId is { } organizationId)
                {
                    records.Add(PersonalDataCopies.RecordOf(nameof(Domain.Organizations.Organization), organizationId));
                }
            }

            // Saved now (in the command's transaction), so the audit trail has written its entries of this very change,
            // which hold the values it overwrote (a head of delegation's name) and are scrubbed with the older ones.
            await db.SaveChangesAsync(cancellationToken);

            // The address, and every name and number the records knew the person by: what the copies may hold.
            string[] values = [found.Email, .. found.Names, .. found.Phones];
            var messages = await PersonalDataCopies.EraseMessagesAsync(db, values, now, cancellationToken);
            var audit = await PersonalDataCopies.ScrubAuditAsync(db, records, values, cancellationToken);

            var counts = new Dictionary<string, int>(found.Counts)
            {
                [PersonalData.Stores.Messages] = messages,
                [AuditEntries] = audit,
            };
            db.PrivacyRequests.Add(new PrivacyRequest(PrivacyRequestKind.Erasure, counts, now));

            var copies = PersonalDataCopies.Searchable(values);
            afterCommit.Then(ct => sentMail.DeleteHoldingAsync(copies, ct));
            afterCommit.Then(databaseFiles.FlushErasedAsync);
            return new Result(counts);
        }
    }
}
