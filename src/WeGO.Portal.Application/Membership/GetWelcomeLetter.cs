using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>The letter that welcomes a member, written in the language of its application (English when it joined
/// without one), ready to print and sign.</summary>
public static class GetWelcomeLetter
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(int MemberId) : IQuery<Letter?>;

    /// <param name="Language">The letter's language, for the page's <c>lang</c>.</param>
    /// <param name="Addressee">Who signed the application; none for a member that joined before the registry.</param>
    public sealed record Letter(
        string Language,
        string Place,
        string? Addressee,
        string Organization,
        string Subject,
        IReadOnlyList<string> Paragraphs,
        string Signature
    );

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IQueryHandler<Query, Letter?>
    {
        public async ValueTask<Letter?> Handle(Query query, CancellationToken cancellationToken)
        {
            var member = await db
                .Members.AsNoTracking()
                .Where(m => m.Id == query.MemberId)
                .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o })
                .Select(x => new
                {
                    x.o.Name,
                    x.m.Category,
                    x.m.MemberSince,
                    Application = db
                        .MembershipApplications.Where(a => a.OrganizationId == x.o.Id)
                        .OrderByDescending(a => a.Id)
                        .Select(a => new { a.ContactName, a.Language })
                        .FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (member is null)
            {
                return null;
            }

            var language = member.Application?.Language ?? "en";
            var culture = Dates.Culture(language);
            var category = Emails.Text("Category." + member.Category, language);
            var since = member.MemberSince.ToDateTime(TimeOnly.MinValue);
            string Text(string key) => Emails.Text("WelcomeLetter." + key, language, member.Name, category, since);
            return new Letter(
                language,
                Emails.Text(
                    "WelcomeLetter.Place",
                    language,
                    SecretariatCalendar.Today(clock).ToDateTime(TimeOnly.MinValue)
                ),
                member.Application?.ContactName,
                member.Name,
                Text("Subject"),
                Text("Body").Split("\n\n", StringSplitOptions.RemoveEmptyEntries),
                Emails.Text("Signature", language)
            );
        }
    }
}
