using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Privacy;

/// <summary>An administrator finds everything the portal holds about the person with an email address, by store, when
/// the person asks to see it or to have it erased. Records already erased are not found again.</summary>
public static class FindPersonalData
{
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Query(string Email) : IQuery<PersonalData>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Email).NotEmpty().MaximumLength(EmailAddress.MaxLength).EmailAddress();
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, PersonalData>
    {
        public async ValueTask<PersonalData> Handle(Query query, CancellationToken cancellationToken) =>
            await PersonalData.FindAsync(db, query.Email, cancellationToken);
    }
}

/// <summary>What the portal holds about one person, by store: what the search shows, the export writes out and the
/// erasure erases.</summary>
public sealed record PersonalData(
    string Email,
    IReadOnlyList<PersonalData.Inquiry> Inquiries,
    IReadOnlyList<PersonalData.Application> Applications,
    IReadOnlyList<PersonalData.VisitRequest> VisitRequests,
    IReadOnlyList<PersonalData.RosterEntry> RosterEntries,
    IReadOnlyList<PersonalData.DelegationContact> DelegationContacts,
    IReadOnlyList<PersonalData.Contact> Contacts,
    IReadOnlyList<PersonalData.Message> Messages
)
{
    public sealed record Inquiry(
        int Id,
        string Reference,
        string OrganizationName,
        string ContactName,
        string? ContactPosition,
        string? Phone,
        InquiryStage Stage,
        DateTime SubmittedAtUtc,
        DateTime StageChangedAtUtc,
        string? Message,
        IReadOnlyList<Note> Notes
    );

    public sealed record Note(string Author, DateTime WrittenAtUtc, string Text);

    public sealed record Application(
        int Id,
        string Reference,
        string OrganizationName,
        string ContactName,
        ApplicationState State,
        DateTime ReceivedAtUtc,
        IReadOnlyList<string> Documents
    );

    public sealed record VisitRequest(
        int Id,
        string Reference,
        string OrganizationName,
        string ContactName,
        string? ContactPosition,
        string? Phone,
        DateOnly EarliestDate,
        DateOnly LatestDate,
        DateTime SubmittedAtUtc,
        VisitRequestStatus Status,
        string? CityAnswer
    );

    /// <param name="Visit">The visiting organisation and the visit's first day, as staff know the visit.</param>
    public sealed record RosterEntry(
        int VisitId,
        int MemberId,
        string Visit,
        string FullName,
        string? Title,
        DelegationRole Role
    );

    public sealed record DelegationContact(int VisitId, string Visit, string? ContactName);

    public sealed record Contact(int Id, string? OrganizationName, string FullName, string? Title, string? Phone);

    public sealed record Message(
        int Id,
        string Kind,
        string Subject,
        string To,
        DateTime CreatedAtUtc,
        DateTime? SentAtUtc,
        string Body
    );

    /// <summary>The stores' names as the counts and the privacy request name them.</summary>
    public static class Stores
    {
        public const string Inquiries = "Inquiries";
        public const string Applications = "Applications";
        public const string Documents = "Documents";
        public const string VisitRequests = "VisitRequests";
        public const string RosterEntries = "RosterEntries";
        public const string DelegationContacts = "DelegationContacts";
        public const string Contacts = "Contacts";
        public const string Messages = "Messages";
    }

    public int Total =>
        Inquiries.Count
        + Applications.Count
        + VisitRequests.Count
        + RosterEntries.Count
        + DelegationContacts.Count
        + Contacts.Count
        + Messages.Count;

    /// <summary>How many records of each store were found.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        new Dictionary<string, int>
        {
            [Stores.Inquiries] = Inquiries.Count,
            [Stores.Applications] = Applications.Count,
            [Stores.Documents] = Applications.Sum(a => a.Documents.Count),
            [Stores.VisitRequests] = VisitRequests.Count,
            [Stores.RosterEntries] = RosterEntries.Count,
            [Stores.DelegationContacts] = DelegationContacts.Count,
            [Stores.Contacts] = Contacts.Count,
            [Stores.Messages] = Messages.Count,
        };

    /// <summary>The names the person goes by in the records found ("also known as").</summary>
    public IReadOnlyList<string> Names =>
        [
            .. Inquiries
                .Select(i => i.ContactName)
                .Concat(Applications.Select(a => a.ContactName))
                .Concat(VisitRequests.Select(r => r.ContactName))
                .Concat(RosterEntries.Select(r => r.FullName))
                .Concat(DelegationContacts.Select(c => c.ContactName))
                .Concat(Contacts.Select(c => c.FullName))
                .Select(n => n?.Trim())
                .OfType<string>()
                .Where(n => n.Length > 0 && n != Erased.Mark)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.CurrentCulture),
        ];

    /// <summary>The telephone numbers found: erased from the copies with the names.</summary>
    public IReadOnlyList<string> Phones =>
        [
            .. Inquiries
                .Select(i => i.Phone)
                .Concat(VisitRequests.Select(r => r.Phone))
                .Concat(Contacts.Select(c => c.Phone))
                .Select(p => p?.Trim())
                .OfType<string>()
                .Where(p => p.Length > 0)
                .Distinct(StringComparer.Ordinal),
        ];

    /// <summary>Which records were found, as a short text the erasure compares with what the administrator saw: a
    /// record found or gone since then changes it.</summary>
    public string Fingerprint
    {
        get
        {
            var records = Inquiries
                .Select(i => $"I{i.Id}")
                .Concat(Applications.Select(a => $"A{a.Id}:{a.Documents.Count}"))
                .Concat(VisitRequests.Select(r => $"R{r.Id}"))
                .Concat(RosterEntries.Select(r => $"D{r.VisitId}.{r.MemberId}"))
                .Concat(DelegationContacts.Select(c => $"C{c.VisitId}"))
                .Concat(Contacts.Select(c => $"O{c.Id}"))
                .Concat(Messages.Select(m => $"M{m.Id}"));
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', records)));
            return Convert.ToHexStringLower(hash)[..16];
        }
    }

    /// <summary>Everything held about <paramref name="email"/> (trimmed, compared without regard to case).</summary>
    public static async Task<PersonalData> FindAsync(
        PortalDbContext db,
        string email,
        CancellationToken cancellationToken
    )
    {
        email = email.Trim();
        var address = Like.Literal(email);
        var inBody = Like.Containing(email);

        var inquiries = await db
            .MembershipInquiries.AsNoTracking()
            .Where(i => i.Email != Erased.Mark && EF.Functions.Like(i.Email, address, Like.Escape))
            .OrderBy(i => i.Id)
            .Select(i => new Inquiry(
                i.Id,
                i.Reference,
                i.OrganizationName,
                i.ContactName,
                i.ContactPosition,
                i.Phone,
                i.Stage,
                i.SubmittedAtUtc,
                i.StageChangedAtUtc,
                i.Message,
                i.Notes.OrderBy(n => n.WrittenAtUtc).Select(n => new Note(n.Author, n.WrittenAtUtc, n.Text)).ToList()
            ))
            .ToListAsync(cancellationToken);

        var applications = await (
            from a in db.MembershipApplications.AsNoTracking()
            join o in db.Organizations on a.OrganizationId equals o.Id
            where a.ContactEmail != Erased.Mark && EF.Functions.Like(a.ContactEmail, address, Like.Escape)
            orderby a.Id
            select new Application(
                a.Id,
                a.Reference,
                o.Name,
                a.ContactName,
                a.State,
                a.ReceivedAtUtc,
                a.Documents.OrderBy(d => d.UploadedAtUtc).Select(d => d.FileName).ToList()
            )
        ).ToListAsync(cancellationToken);

        var visitRequests = await db
            .VisitRequests.AsNoTracking()
            .Where(r => r.Email != Erased.Mark && EF.Functions.Like(r.Email, address, Like.Escape))
            .OrderBy(r => r.Id)
            .Select(r => new VisitRequest(
                r.Id,
                r.Reference,
                r.OrganizationName,
                r.ContactName,
                r.ContactPosition,
                r.Phone,
                r.EarliestDate,
                r.LatestDate,
                r.SubmittedAtUtc,
                r.Status,
                r.CityAnswer
            ))
            .ToListAsync(cancellationToken);

        var roster = await (
            from v in db.Visits.AsNoTracking()
            from m in v.Delegation.Members
            where m.Email != null && EF.Functions.Like(m.Email, address, Like.Escape)
            orderby v.Id, m.Id
            select new
            {
                VisitId = v.Id,
                MemberId = m.Id,
                v.Organization.Name,
                v.StartsAtUtc,
                m.FullName,
                m.Title,
                m.Role,
            }
        ).ToListAsync(cancellationToken);

        var contactOf = await db
            .Visits.AsNoTracking()
            .Where(v =>
                v.Delegation.ContactEmail != null && EF.Functions.Like(v.Delegation.ContactEmail, address, Like.Escape)
            )
            .OrderBy(v => v.Id)
            .Select(v => new
            {
                v.Id,
                v.Organization.Name,
                v.StartsAtUtc,
                v.Delegation.ContactName,
            })
            .ToListAsync(cancellationToken);

        var contacts = await (
            from c in db.Contacts.AsNoTracking()
            join o in db.Organizations on c.OrganizationId equals o.Id into organizations
            from o in organizations.DefaultIfEmpty()
            where c.Email != null && EF.Functions.Like(c.Email, address, Like.Escape)
            orderby c.Id
            select new Contact(c.Id, o == null ? null : o.Name, c.FullName, c.Title, c.Phone)
        ).ToListAsync(cancellationToken);

        var messages = await db
            .OutboxMessages.AsNoTracking()
            .Where(m =>
                m.ErasedAtUtc == null
                && (EF.Functions.Like(m.To, address, Like.Escape) || EF.Functions.Like(m.Body, inBody, Like.Escape))
            )
            .OrderBy(m => m.Id)
            .Select(m => new Message(m.Id, m.Kind, m.Subject, m.To, m.CreatedAtUtc, m.SentAtUtc, m.Body))
            .ToListAsync(cancellationToken);

        // LIKE also finds the address inside a longer one ("hana@..." for "ana@..."): the same whole-mention rule as
        // the erasure's, so what is shown is what would be erased.
        messages.RemoveAll(m =>
            !string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)
            && !PersonalDataCopies.Mentions(m.Body, email)
        );

        return new PersonalData(
            email,
            inquiries,
            applications,
            visitRequests,
            [
                .. roster.Select(r => new RosterEntry(
                    r.VisitId,
                    r.MemberId,
                    VisitName(r.Name, r.StartsAtUtc),
                    r.FullName,
                    r.Title,
                    r.Role
                )),
            ],
            [.. contactOf.Select(v => new DelegationContact(v.Id, VisitName(v.Name, v.StartsAtUtc), v.ContactName))],
            contacts,
            messages
        );
    }

    private static string VisitName(string organization, DateTime startsAtUtc) =>
        $"{organization}, {startsAtUtc:yyyy-MM-dd}";
}
