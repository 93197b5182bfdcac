using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Membership;

/// <summary>A document's bytes for staff, with the type its content proved: never for the public, whatever link
/// they hold.</summary>
public static class OpenApplicationDocument
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(int ApplicationId, int DocumentId) : IQuery<File?>;

    /// <summary>The open file; the caller disposes <see cref="Content"/>.</summary>
    public sealed record File(Stream Content, string ContentType, string FileName);

    public sealed class Handler(PortalDbContext db, IDocumentStore store) : IQueryHandler<Query, File?>
    {
        public async ValueTask<File?> Handle(Query query, CancellationToken cancellationToken)
        {
            var document = await db
                .MembershipApplications.AsNoTracking()
                .Where(a => a.Id == query.ApplicationId)
                .SelectMany(a => a.Documents)
                .SingleOrDefaultAsync(d => d.Id == query.DocumentId, cancellationToken);
            return document is not null && store.OpenRead(document.StoredName) is { } content
                ? new File(content, document.ContentType, document.FileName)
                : null;
        }
    }
}
