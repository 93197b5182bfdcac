namespace WeGO.Portal.Migrations.PostgreSql.Migrations;

/// <summary>The SQL of the <see cref="FoldedSearchText"/> migration (docs/decisions/0041): each searched table gets
/// <c>"SearchText"</c>, its searched columns folded by <c>portal_fold</c> (lower case without accents) and joined by
/// line breaks, a generated column stored when the row is written, with a trigram index. A search then tests the
/// stored text with a plain LIKE instead of folding every candidate row's columns again; the indexes on the folded
/// expressions it replaces go.</summary>
internal static class FoldedSearchTextSql
{
    private static readonly (string Table, string Folded)[] Searched =
    [
        ("Visits", """portal_fold("Venue")"""),
        ("Delegation", """portal_fold("HeadOfDelegation")"""),
        ("Organizations", """portal_fold("Name") || E'\n' || coalesce(portal_fold("LocalName"), '')"""),
        (
            "MembershipInquiries",
            """
            portal_fold("OrganizationName") || E'\n' || portal_fold("ContactName") || E'\n' || portal_fold("Email")
                || E'\n' || portal_fold("Reference")
            """
        ),
    ];

    private static readonly (string Table, string Column)[] Replaced =
    [
        ("Visits", "Venue"),
        ("Delegation", "HeadOfDelegation"),
        ("Organizations", "Name"),
        ("Organizations", "LocalName"),
        ("MembershipInquiries", "OrganizationName"),
        ("MembershipInquiries", "ContactName"),
        ("MembershipInquiries", "Email"),
        ("MembershipInquiries", "Reference"),
    ];

    /// <summary>Each statement ends with a semicolon: the idempotent script wraps it in a <c>DO</c> block.</summary>
    public static IEnumerable<string> Create => Terminated(
        [
            .. Searched.Select(s =>
                $"""
                ALTER TABLE "{s.Table}" ADD COLUMN IF NOT EXISTS "SearchText" text
                    GENERATED ALWAYS AS ({s.Folded}) STORED
                """
            ),
            .. Searched.Select(s =>
                $"""
                CREATE INDEX IF NOT EXISTS "IX_{s.Table}_SearchText" ON "{s.Table}"
                    USING gin ("SearchText" gin_trgm_ops)
                """
            ),
            .. Replaced.Select(r => $"""DROP INDEX IF EXISTS "IX_{r.Table}_{r.Column}_Search" """),
        ]
    );

    public static IEnumerable<string> Drop => Terminated(
        [
            .. Replaced.Select(r =>
                $"""
                CREATE INDEX IF NOT EXISTS "IX_{r.Table}_{r.Column}_Search" ON "{r.Table}"
                    USING gin (portal_fold("{r.Column}") gin_trgm_ops)
                """
            ),
            .. Searched.Select(s => $"""DROP INDEX IF EXISTS "IX_{s.Table}_SearchText" """),
            .. Searched.Select(s => $"""ALTER TABLE "{s.Table}" DROP COLUMN IF EXISTS "SearchText" """),
        ]
    );

    private static IEnumerable<string> Terminated(IEnumerable<string> statements) =>
        statements.Select(s => s.TrimEnd() + ";");
}
