using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Organizations;

public sealed record SimilarOrganization(int Id, string Name, string CountryCode);

public static class SimilarOrganizations
{
    // Words every council's name has: matching on them would call every city similar to every other.
    private static readonly HashSet<string> CommonWords =
    [
        "CITY",
        "COUNCIL",
        "MUNICIPAL",
        "MUNICIPALITY",
        "METROPOLITAN",
        "GOVERNMENT",
        "MUNICIPALIDAD",
        "AYUNTAMIENTO",
        "ALCALDIA",
        "CIUDAD",
        "DISTRICT",
        "PROVINCE",
        "COUNTY",
        "TOWN",
    ];

    /// <summary>The organisation with exactly this name (normalized) in this country, if there is one.</summary>
    public static Task<Organization?> FindSameAsync(
        PortalDbContext db,
        string name,
        string countryCode,
        CancellationToken cancellationToken
    )
    {
        var normalized = Organization.NormalizeName(name);
        var country = countryCode.ToUpperInvariant();
        return db.Organizations.FirstOrDefaultAsync(
            o => o.NormalizedName == normalized && o.CountryCode == country,
            cancellationToken
        );
    }

    /// <summary>Organisations whose names look like this one: sharing a distinctive word, or a few typing mistakes
    /// away. Those in the same country come first.</summary>
    public static async Task<IReadOnlyList<SimilarOrganization>> FindAsync(
        PortalDbContext db,
        string name,
        string countryCode,
        CancellationToken cancellationToken
    )
    {
        var normalized = Organization.NormalizeName(name);
        var words = normalized
            .Split(' ')
            .Where(w => w.Length >= 4 && !CommonWords.Contains(w))
            .OrderByDescending(w => w.Length)
            .Take(3)
            .ToList();
        if (words.Count == 0)
        {
            words = [normalized];
        }

        var candidates = new Dictionary<int, (SimilarOrganization Organization, string Normalized)>();
        foreach (var word in words)
        {
            var pattern =
                "%" + word.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            var found = await db
                .Organizations.AsNoTracking()
                .Where(o => EF.Functions.Like(o.NormalizedName, pattern))
                .OrderBy(o => o.Id)
                .Take(50)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.CountryCode,
                    o.NormalizedName,
                })
                .ToListAsync(cancellationToken);
            foreach (var o in found)
            {
                candidates[o.Id] = (new SimilarOrganization(o.Id, o.Name, o.CountryCode), o.NormalizedName);
            }
        }

        return candidates
            .Values.Where(c =>
                c.Normalized != normalized
                || !string.Equals(c.Organization.CountryCode, countryCode, StringComparison.OrdinalIgnoreCase)
            )
            .Where(c => SharesDistinctiveWord(c.Normalized, words) || Distance(c.Normalized, normalized) <= 2)
            .OrderByDescending(c =>
                string.Equals(c.Organization.CountryCode, countryCode, StringComparison.OrdinalIgnoreCase)
            )
            .ThenBy(c => Distance(c.Normalized, normalized))
            .Take(5)
            .Select(c => c.Organization)
            .ToList();
    }

    private static bool SharesDistinctiveWord(string candidate, List<string> words) =>
        candidate.Split(' ').Any(words.Contains);

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(
                    Math.Min(current[j - 1] + 1, previous[j] + 1),
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                );
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
