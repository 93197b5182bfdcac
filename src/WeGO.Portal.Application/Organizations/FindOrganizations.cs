using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Organizations;

/// <summary>Staff look a city record up by what they type: part of its name or of its local name, in any script
/// ("Seremban", "서울"). The pickers of the inquiry match and of a direct application both search this way.</summary>
public static class FindOrganizations
{
    public const int MaxFound = 20;

    /// <summary>The first <see cref="MaxFound"/> records whose name or local name contains <paramref name="text"/>:
    /// best match first through the text index, by name for text too short for it.</summary>
    public static IQueryable<Organization> Matching(PortalDbContext db, string text)
    {
        if (TextSearch.UsesIndex(text))
        {
            return db
                .Organizations.Join(
                    TextSearch.Organizations(db, text),
                    o => o.Id,
                    h => h.Id,
                    (o, h) => new { o, h.Rank }
                )
                .OrderBy(x => x.Rank)
                .ThenBy(x => x.o.Name)
                .ThenBy(x => x.o.Id)
                .Select(x => x.o)
                .Take(MaxFound);
        }

        var pattern = Like.Containing(text);
        return db
            .Organizations.Where(o =>
                EF.Functions.Like(o.Name, pattern, Like.Escape) || EF.Functions.Like(o.LocalName!, pattern, Like.Escape)
            )
            .OrderBy(o => o.Name)
            .ThenBy(o => o.Id)
            .Take(MaxFound);
    }
}
