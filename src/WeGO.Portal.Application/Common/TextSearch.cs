using System.Text;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>What staff type into a list's search box, found through the database's text index: SQLite FTS5 tables
/// with the trigram tokenizer, SQL Server full-text indexes (migration TextSearch, docs/decisions/0028), PostgreSQL
/// trigram indexes on a stored column of the searched text folded to lower case without accents ("SearchText",
/// migration FoldedSearchText, docs/decisions/0041), ranked by how wholly the text matches a run of words
/// (strict_word_similarity) plus how much of the column it is (similarity) (docs/decisions/0038). The ranked finders
/// return the matching ids with a rank, lower first; the others only which rows match, for counting and filtering
/// without ranking. The user's text only ever travels as a parameter, made a literal phrase (FTS5), prefix terms of
/// letters and digits (CONTAINS) or a literal LIKE pattern that the query folds as the column was folded, so "bogota"
/// finds "Bogotá" (PostgreSQL); no quote or operator can change the query.</summary>
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
                    SELECT v."Id", -(strict_word_similarity(portal_fold({searched}), v."SearchText")
                        + similarity(v."SearchText", portal_fold({searched})))::float8 AS "Rank"
                    FROM "Visits" AS v WHERE v."SearchText" LIKE portal_fold({pattern}) ESCAPE '\'
                    UNION ALL
                    SELECT d."VisitId", -(strict_word_similarity(portal_fold({searched}), d."SearchText")
                        + similarity(d."SearchText", portal_fold({searched})))::float8
                    FROM "Delegation" AS d WHERE d."SearchText" LIKE portal_fold({pattern}) ESCAPE '\'
                    UNION ALL
                    SELECT v."Id", -(strict_word_similarity(portal_fold({searched}), o."SearchText")
                        + similarity(o."SearchText", portal_fold({searched})))::float8
                    FROM "Organizations" AS o JOIN "Visits" AS v ON v."OrganizationId" = o."Id"
                    WHERE o."SearchText" LIKE portal_fold({pattern}) ESCAPE '\'
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
                FROM "MembershipInquiries" AS i WHERE i."SearchText" LIKE portal_fold({pattern}) ESCAPE '\'
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
                SELECT o."Id", -(strict_word_similarity(portal_fold({searched}), o."SearchText")
                    + similarity(o."SearchText", portal_fold({searched})))::float8 AS "Rank"
                FROM "Organizations" AS o WHERE o."SearchText" LIKE portal_fold({pattern}) ESCAPE '\'
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

    /// <summary>How many visits the text matches, counted up to <paramref name="limit"/> + 1 (more than the limit
    /// shows as limit + 1), without ranking them.</summary>
    public static async Task<int> CountVisitsUpToAsync(
        PortalDbContext db,
        string text,
        int limit,
        CancellationToken cancellationToken
    )
    {
        if (!IsPostgreSql(db))
        {
            return await Visits(db, text).Take(limit + 1).CountAsync(cancellationToken);
        }

        // A visit matches through its venue, its head of delegation or its organisation: each source is counted up
        // to the limit (its index scan stops there), and only when that does not settle it are visits told apart.
        return await db
            .Database.SqlQueryRaw<int>(CountVisitsUpToSql, Like.Containing(text), limit)
            .SingleAsync(cancellationToken);
    }

    /// <summary>How many visits the text matches, exactly, without ranking them: in the FTS5 index alone (SQLite), or
    /// by testing each visit's folded text where most match (PostgreSQL, <see cref="MatchingVisits"/>).</summary>
    public static Task<int> CountVisitsAsync(
        PortalDbContext db,
        string text,
        bool manyMatches,
        CancellationToken cancellationToken
    ) =>
        IsPostgreSql(db)
            ? MatchingVisits(db, text, manyMatches).CountAsync(cancellationToken)
            : Visits(db, text).CountAsync(cancellationToken);

    /// <summary>The visits the text matches, not ranked. <paramref name="manyMatches"/>: the text matches more than
    /// <see cref="RankedLimit"/> visits, so the list walks the visits in the order it shows them and tests each,
    /// stopping at the page, instead of reading every match first.</summary>
    public static IQueryable<Visit> MatchingVisits(PortalDbContext db, string text, bool manyMatches)
    {
        if (IsPostgreSql(db) && manyMatches)
        {
            var pattern = Like.Containing(text);
            return db.Visits.FromSql(
                $"""
                SELECT * FROM "Visits" AS v
                WHERE v."SearchText" LIKE portal_fold({pattern}) ESCAPE '\'
                    OR v."OrganizationId" IN (SELECT o."Id" FROM "Organizations" AS o
                        WHERE o."SearchText" LIKE portal_fold({pattern}) ESCAPE '\')
                    OR v."Id" IN (SELECT d."VisitId" FROM "Delegation" AS d
                        WHERE d."SearchText" LIKE portal_fold({pattern}) ESCAPE '\')
                """
            );
        }

        var ids = IsPostgreSql(db)
            ? db.Database.SqlQueryRaw<int>(VisitIdsSql, Like.Containing(text))
            : Visits(db, text).Select(h => h.Id);
        if (manyMatches)
        {
            // "+ 0" keeps SQLite from looking each match up by its key when most visits match: it walks the index of
            // the sort instead and stops at the page (docs/decisions/0028).
            var zero = 0;
            return db.Visits.Where(v => ids.Contains(v.Id + zero));
        }

        return db.Visits.Where(v => ids.Contains(v.Id));
    }

    // The matching visits' ids, each once, from the three sources' trigram indexes; {0} is the LIKE pattern. The
    // organisations' visits are joined from the organisations found rather than tested with IN: a prefix ("Metrop")
    // went from 67 to 38 ms at p95 (bench search-postgresql, 100,000 visits; docs/performance.md).
    private const string VisitIdsSql = """
        SELECT v."Id" AS "Value" FROM "Visits" AS v WHERE v."SearchText" LIKE portal_fold({0}) ESCAPE '\'
        UNION
        SELECT d."VisitId" FROM "Delegation" AS d WHERE d."SearchText" LIKE portal_fold({0}) ESCAPE '\'
        UNION
        SELECT v."Id" FROM "Organizations" AS o JOIN "Visits" AS v ON v."OrganizationId" = o."Id"
            WHERE o."SearchText" LIKE portal_fold({0}) ESCAPE '\'
        """;

    // Each source counted up to {1} + 1 matches; told apart only when neither the largest nor the sum settles it.
    // "OFFSET 0" keeps the counts a subquery of their own: pulled up into the CASE, each was scanned three times.
    private const string CountVisitsUpToSql =
        """
            SELECT CASE WHEN GREATEST(c.venue, c.head, c.organization) > {1} THEN {1} + 1
                WHEN c.venue + c.head + c.organization <= {1} THEN c.venue + c.head + c.organization
                ELSE (SELECT count(*)::int FROM (
            """
        + VisitIdsSql
        + """
            ) AS ids) END AS "Value"
            FROM (SELECT
                (SELECT count(*)::int FROM (SELECT 1 FROM "Visits" AS v
                    WHERE v."SearchText" LIKE portal_fold({0}) ESCAPE '\' LIMIT {1} + 1) AS x) AS venue,
                (SELECT count(*)::int FROM (SELECT 1 FROM "Delegation" AS d
                    WHERE d."SearchText" LIKE portal_fold({0}) ESCAPE '\' LIMIT {1} + 1) AS x) AS head,
                (SELECT count(*)::int FROM (SELECT 1 FROM "Organizations" AS o
                    JOIN "Visits" AS v ON v."OrganizationId" = o."Id"
                    WHERE o."SearchText" LIKE portal_fold({0}) ESCAPE '\' LIMIT {1} + 1) AS x) AS organization
                OFFSET 0
            ) AS c
            """;

    /// <summary>How many inquiries the text matches, counted up to <paramref name="limit"/> + 1, without ranking
    /// them.</summary>
    public static Task<int> CountInquiriesUpToAsync(
        PortalDbContext db,
        string text,
        int limit,
        CancellationToken cancellationToken
    ) =>
        IsPostgreSql(db)
            ? MatchingInquiries(db, text, manyMatches: false).Take(limit + 1).CountAsync(cancellationToken)
            : Inquiries(db, text).Take(limit + 1).CountAsync(cancellationToken);

    /// <summary>How many inquiries the text matches, exactly, without ranking them (FTS5 counts them in its index
    /// alone).</summary>
    public static Task<int> CountInquiriesAsync(PortalDbContext db, string text, CancellationToken cancellationToken) =>
        IsPostgreSql(db)
            ? MatchingInquiries(db, text, manyMatches: false).CountAsync(cancellationToken)
            : Inquiries(db, text).CountAsync(cancellationToken);

    /// <summary>The inquiries the text matches, not ranked; <paramref name="manyMatches"/> as for
    /// <see cref="MatchingVisits"/>. On PostgreSQL the condition is on the table itself, so the planner chooses
    /// between the trigram index (few matches) and walking the sort's index (many).</summary>
    public static IQueryable<MembershipInquiry> MatchingInquiries(PortalDbContext db, string text, bool manyMatches)
    {
        if (IsPostgreSql(db))
        {
            var pattern = Like.Containing(text);
            return db.MembershipInquiries.FromSql(
                $"""
                SELECT * FROM "MembershipInquiries" AS i WHERE i."SearchText" LIKE portal_fold({pattern}) ESCAPE '\'
                """
            );
        }

        var ids = Inquiries(db, text).Select(h => h.Id);
        if (manyMatches)
        {
            // "+ 0": as for the visits, walk the sort's index rather than look each match up.
            var zero = 0;
            return db.MembershipInquiries.Where(i => ids.Contains(i.Id + zero));
        }

        return db.MembershipInquiries.Where(i => ids.Contains(i.Id));
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
