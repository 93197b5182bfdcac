using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WeGO.Portal.Bench.Generation;

/// <summary>What a generated database covers, counted back from the file: regions, every inquiry stage, every report
/// review state, follow-ups open, overdue and done. So a reader sees the data exercises every page's states.</summary>
internal static class GeneratedCoverage
{
    public static IEnumerable<string> Describe(string database, DateOnly asOf)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = database,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        connection.Open();
        var today = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return "organizations by region: "
            + Groups(connection, "SELECT Region, COUNT(*) FROM Organizations GROUP BY Region ORDER BY 2 DESC");
        yield return "visits by status:       "
            + Groups(connection, "SELECT Status, COUNT(*) FROM Visits GROUP BY Status ORDER BY 2 DESC");
        yield return "inquiries by stage:     "
            + Groups(connection, "SELECT Stage, COUNT(*) FROM MembershipInquiries GROUP BY Stage ORDER BY 2 DESC");
        yield return "inquiries:              "
            + Groups(
                connection,
                """
                SELECT 'with notes', COUNT(DISTINCT InquiryId) FROM InquiryNote
                UNION ALL SELECT 'with an office', COUNT(*) FROM MembershipInquiries WHERE RegionalOfficeId IS NOT NULL
                UNION ALL
                SELECT 'matched to an organisation', COUNT(*) FROM MembershipInquiries WHERE OrganizationId IS NOT NULL
                """
            );
        yield return "reports by review state: "
            + Groups(connection, "SELECT State, COUNT(*) FROM VisitReports GROUP BY State ORDER BY 2 DESC");
        yield return "follow-ups:             "
            + Groups(
                connection,
                $"""
                SELECT CASE WHEN Status <> 'Open' THEN Status WHEN DueOn < '{today}' THEN 'Overdue' ELSE 'Open' END,
                       COUNT(*)
                FROM FollowUps GROUP BY 1 ORDER BY 2 DESC
                """
            );
    }

    private static string Groups(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL of this program; the only value is a formatted date.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetValue(0)} {reader.GetInt64(1):N0}"));
        }

        return string.Join(", ", parts);
    }
}
