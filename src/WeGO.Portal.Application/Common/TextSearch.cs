using System.Text;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Common;

/// <summary>What staff type into a list's search box, found through the database's text index: SQLite FTS5 tables
/// with the trigram tokenizer, SQL Server full-text indexes (migration TextSearch, docs/decisions/0028), PostgreSQL
/// trigram indexes on the text folded to lower case without accents, ranked by how wholly the text matches a run of
/// words (strict_word_similarity) plus how much of the column it is (similarity) (docs/decisions/0038). Each finder
/// returns the matching ids with a rank, lower first; the user's text only ever travels as a parameter, made a
/// literal phrase (FTS5), prefix terms of letters and digits (CONTAINS) or a literal LIKE pattern that the query
/// folds as it folds the columns, so "bogota" finds "Bogotá" (PostgreSQL); no quote or operator can change the
/// query.</summary>
public static class TextSearch
{
    /// <summary>A trigram index needs three characters: shorter text is matched with LIKE.</summary>
    public const int IndexedLength = 3;

    /// <summary>Up to this many matches are ranked; a word that matches more is too common for its rank to say much,
    /// and ranking it would read every match.</summary>
    public const int RankedLimit = 1_000;

    /// <summary>A matching row and how well it matches: lower is better.</summary>
    public sealed class Hit
    {
        public int Id { get; init; }

        public double Rank { get; init; }
    }

    /// <summary>Whether the text is long enough for the index and holds a letter or digit; other text takes the LIKE
    /// path.</summary>
    public static bool UsesIndex(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && text.Trim().EnumerateRunes().Count() >= IndexedLength
        && text.EnumerateRunes().Any(Rune.IsLetterOrDigit);

    // The application references only the relational core; the provider is told apart by name.
    private static bool IsSqlServer(PortalDbContext db) =>
        db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";

    private static bool IsPostgreSql(PortalDbContext db) =>
        db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The visits whose organisation's name, venue or head of delegation contains the text.</summary>
    public static IQueryable<Hit> Visits(PortalDbContext db, string text)
    {
        if (IsPostgreSql(db))
        {
            var (pattern, searched) = (Like.Containing(text), text.Trim());
            return db.Database.SqlQuery<Hit>(
                $"""
                SELECT h."Id", MIN(h."Rank") AS "Rank" FROM (
                    SELECT v."Id", -(strict_word_similarity(portal_fold({searched}), portal_fold(v."Venue"))
                        + similarity(portal_fold(v."Venue"), portal_fold({searched})))::float8 AS "Rank"
                    FROM "Visits" AS v WHERE portal_fold(v."Venue") LIKE portal_fold({pattern}) ESCAPE '\'
                    UNION ALL
                    SELECT d."VisitId",
                        -(strict_word_similarity(portal_fold({searched}), portal_fold(d."HeadOfDelegation"))
                        + similarity(portal_fold(d."HeadOfDelegation"), portal_fold({searched})))::float8
                    FROM "Delegation" AS d
                    WHERE portal_fold(d."HeadOfDelegation") LIKE portal_fold({pattern}) ESCAPE '\'
                    UNION ALL
                    SELECT v."Id", -GREATEST(
                        strict_word_similarity(portal_fold({searched}), portal_fold(o."Name"))
                            + similarity(portal_fold(o."Name"), portal_fold({searched})),
                        strict_word_similarity(portal_fold({searched}), portal_fold(o."LocalName"))
                            + similarity(portal_fold(o."LocalName"), portal_fold({searched})))::float8
                    FROM "Organizations" AS o JOIN "Visits" AS v ON v."OrganizationId" = o."Id"
                    WHERE portal_fold(o."Name") LIKE portal_fold({pattern}) ESCAPE '\'
                        OR portal_fold(o."LocalName") LIKE portal_fold({pattern}) ESCAPE '\'
                ) AS h GROUP BY h."Id"
                """
            );
        }

        if (IsSqlServer(db))
        {
            var condition = ContainsCondition(text);
            return db.Database.SqlQuery<Hit>(
                $"""
                SELECT h.[Id], MIN(h.[Rank]) AS [Rank] FROM (
                    SELECT t.[KEY] AS [Id], CAST(-t.[RANK] AS float) AS [Rank]
                    FROM CONTAINSTABLE([Visits], [Venue], {condition}) AS t
                    UNION ALL
                    SELECT d.[VisitId], CAST(-t.[RANK] AS float)
                    FROM CONTAINSTABLE([Delegation], [HeadOfDelegation], {condition}) AS t
                    JOIN [Delegation] AS d ON d.[Id] = t.[KEY]
                    UNION ALL
                    SELECT v.[Id], CAST(-t.[RANK] AS float)
                    FROM CONTAINSTABLE([Organizations], ([Name], [LocalName]), {condition}) AS t
                    JOIN [Visits] AS v ON v.[OrganizationId] = t.[KEY]
                ) AS h GROUP BY h.[Id]
                """
            );
        }

        var phrase = Phrase(text);
        return db.Database.SqlQuery<Hit>(
            $"""SELECT rowid AS "Id", rank AS "Rank" FROM "VisitSearch" WHERE "VisitSearch" MATCH {phrase}"""
        );
    }

    /// <summary>The inquiries whose organisation, contact, email or reference contains the text.</summary>
    public static IQueryable<Hit> Inquiries(PortalDbContext db, string text)
    {
        if (IsPostgreSql(db))
        {
            var (pattern, searched) = (Like.Containing(text), text.Trim());
            return db.Database.SqlQuery<Hit>(
                $"""
                SELECT i."Id", -GREATEST(
                    strict_word_similarity(portal_fold({searched}), portal_fold(i."OrganizationName"))
                        + similarity(portal_fold(i."OrganizationName"), portal_fold({searched})),
                    strict_word_similarity(portal_fold({searched}), portal_fold(i."ContactName"))
                        + similarity(portal_fold(i."ContactName"), portal_fold({searched})),
                    strict_word_similarity(portal_fold({searched}), portal_fold(i."Email"))
                        + similarity(portal_fold(i."Email"), portal_fold({searched})),
                    strict_word_similarity(portal_fold({searched}), portal_fold(i."Reference"))
                        + similarity(portal_fold(i."Reference"), portal_fold({searched})))::float8 AS "Rank"
                FROM "MembershipInquiries" AS i
                WHERE portal_fold(i."OrganizationName") LIKE portal_fold({pattern}) ESCAPE '\'
                    OR portal_fold(i."ContactName") LIKE portal_fold({pattern}) ESCAPE '\'
                    OR portal_fold(i."Email") LIKE portal_fold({pattern}) ESCAPE '\'
                    OR portal_fold(i."Reference") LIKE portal_fold({pattern}) ESCAPE '\'
                """
            );
        }

        if (IsSqlServer(db))
        {
            var condition = ContainsCondition(text);
            return db.Database.SqlQuery<Hit>(
                $"""
                SELECT t.[KEY] AS [Id], CAST(-t.[RANK] AS float) AS [Rank]
                FROM CONTAINSTABLE([MembershipInquiries], ([OrganizationName], [ContactName], [Email], [Reference]),
                    {condition}) AS t
                """
            );
        }

        var phrase = Phrase(text);
        return db.Database.SqlQuery<Hit>(
            $"""SELECT rowid AS "Id", rank AS "Rank" FROM "InquirySearch" WHERE "InquirySearch" MATCH {phrase}"""
        );
    }

    /// <summary>The organisations whose name or local name contains the text.</summary>
    public static IQueryable<Hit> Organizations(PortalDbContext db, string text)
    {
        if (IsPostgreSql(db))
        {
            var (pattern, searched) = (Like.Containing(text), text.Trim());
            return db.Database.SqlQuery<Hit>(
                $"""
                SELECT o."Id", -GREATEST(
                    strict_word_similarity(portal_fold({searched}), portal_fold(o."Name"))
                        + similarity(portal_fold(o."Name"), portal_fold({searched})),
                    strict_word_similarity(portal_fold({searched}), portal_fold(o."LocalName"))
                        + similarity(portal_fold(o."LocalName"), portal_fold({searched})))::float8 AS "Rank"
                FROM "Organizations" AS o
                WHERE portal_fold(o."Name") LIKE portal_fold({pattern}) ESCAPE '\'
                    OR portal_fold(o."LocalName") LIKE portal_fold({pattern}) ESCAPE '\'
                """
            );
        }

        if (IsSqlServer(db))
        {
            var condition = ContainsCondition(text);
            return db.Database.SqlQuery<Hit>(
                $"""
                SELECT t.[KEY] AS [Id], CAST(-t.[RANK] AS float) AS [Rank]
                FROM CONTAINSTABLE([Organizations], ([Name], [LocalName]), {condition}) AS t
                """
            );
        }

        var phrase = Phrase(text);
        return db.Database.SqlQuery<Hit>(
            $"""
            SELECT rowid AS "Id", rank AS "Rank" FROM "OrganizationSearch" WHERE "OrganizationSearch" MATCH {phrase}
            """
        );
    }

    /// <summary>An FTS5 string: the whole text as one phrase, its double quotes doubled, so every character is taken
    /// literally. With the trigram tokenizer a phrase matches wherever the text occurs, as LIKE '%text%'
    /// does.</summary>
    public static string Phrase(string text) =>
        "\"" + text.Trim().Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A CONTAINS condition: every word of the text as a prefix term (<c>"word*" AND "other*"</c>). Words are
    /// runs of letters and digits, so punctuation and operators in the text never reach the full-text parser
    /// (<see cref="UsesIndex"/> makes sure there is one).</summary>
    public static string ContainsCondition(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in (text + " ").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return string.Join(" AND ", words.Select(w => "\"" + w + "*\""));
    }
}
