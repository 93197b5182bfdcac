namespace WeGO.Portal.Migrations.SqlServer.Migrations;

/// <summary>The SQL of the <see cref="TextSearch"/> migration: one full-text catalog, accent-insensitive, and a
/// full-text index on each searched table (language neutral: names come in every language), kept up to date by SQL
/// Server itself. Every statement checks that its work is not done yet.</summary>
internal static class TextSearchSql
{
    private const string Catalog = "PortalSearch";

    private static readonly (string Table, string Key, string Columns)[] Indexes =
    [
        ("Visits", "PK_Visits", "[Venue] LANGUAGE 0"),
        ("Delegation", "PK_Delegation", "[HeadOfDelegation] LANGUAGE 0"),
        ("Organizations", "PK_Organizations", "[Name] LANGUAGE 0, [LocalName] LANGUAGE 0"),
        (
            "MembershipInquiries",
            "PK_MembershipInquiries",
            "[OrganizationName] LANGUAGE 0, [ContactName] LANGUAGE 0, [Email] LANGUAGE 0, [Reference] LANGUAGE 0"
        ),
    ];

    public static IEnumerable<string> Create =>
        [
            $"""
            IF NOT EXISTS (SELECT * FROM sys.fulltext_catalogs WHERE [name] = N'{Catalog}')
                EXEC(N'CREATE FULLTEXT CATALOG [{Catalog}] WITH ACCENT_SENSITIVITY = OFF');
            """,
            .. Indexes.Select(i =>
                $"""
                IF NOT EXISTS (SELECT * FROM sys.fulltext_indexes WHERE [object_id] = OBJECT_ID(N'[{i.Table}]'))
                    EXEC(N'CREATE FULLTEXT INDEX ON [{i.Table}] ({i.Columns}) KEY INDEX [{i.Key}] ON [{Catalog}]
                        WITH CHANGE_TRACKING AUTO');
                """
            ),
        ];

    public static IEnumerable<string> Drop =>
        [
            .. Indexes.Select(i =>
                $"""
                IF EXISTS (SELECT * FROM sys.fulltext_indexes WHERE [object_id] = OBJECT_ID(N'[{i.Table}]'))
                    EXEC(N'DROP FULLTEXT INDEX ON [{i.Table}]');
                """
            ),
            $"""
            IF EXISTS (SELECT * FROM sys.fulltext_catalogs WHERE [name] = N'{Catalog}')
                EXEC(N'DROP FULLTEXT CATALOG [{Catalog}]');
            """,
        ];
}
