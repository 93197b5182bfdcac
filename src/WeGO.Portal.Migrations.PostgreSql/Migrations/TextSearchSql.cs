namespace WeGO.Portal.Migrations.PostgreSql.Migrations;

/// <summary>The SQL of text search on PostgreSQL (docs/decisions/0028, 0038): the trigram and unaccent extensions,
/// <c>portal_fold(text)</c> (lower case without accents, declared immutable so that it can be indexed: unaccent
/// itself is only stable because its dictionary could change), and a trigram index on the folded text of each
/// searched column, which serves <c>portal_fold(column) LIKE '%' || portal_fold(text) || '%'</c>.</summary>
internal static class TextSearchSql
{
    private static readonly (string Table, string Column)[] Indexed =
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

    /// <summary>Each statement ends with a semicolon: the idempotent script wraps it in a <c>DO</c> block of its own,
    /// where a statement without one is a syntax error.</summary>
    public static IEnumerable<string> Create => Terminated(
        [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "CREATE EXTENSION IF NOT EXISTS unaccent",
            """
            CREATE OR REPLACE FUNCTION portal_fold(text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
            """,
            .. Indexed.Select(i =>
                $"""
                CREATE INDEX IF NOT EXISTS "IX_{i.Table}_{i.Column}_Search" ON "{i.Table}"
                    USING gin (portal_fold("{i.Column}") gin_trgm_ops)
                """
            ),
        ]
    );

    public static IEnumerable<string> Drop => Terminated(
        [
            .. Indexed.Select(i => $"""DROP INDEX IF EXISTS "IX_{i.Table}_{i.Column}_Search" """),
            "DROP FUNCTION IF EXISTS portal_fold(text)",
        ]
    );

    private static IEnumerable<string> Terminated(IEnumerable<string> statements) =>
        statements.Select(s => s.TrimEnd() + ";");
}
