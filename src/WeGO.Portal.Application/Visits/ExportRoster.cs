using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The roster as a CSV file in the import's own columns (<see cref="ImportRoster.TemplateColumns"/>), in
/// the order of precedence, so a corrected export can be imported again. Made from what <see cref="GetRoster"/> gave
/// this reader: without the dietary and accessibility columns for a reader who may not see them.</summary>
public static class ExportRoster
{
    private static readonly string[] NeedsColumns = ["dietary needs", "accessibility needs"];

    private static readonly Dictionary<DelegationRole, string> RoleNames = new()
    {
        [DelegationRole.HeadOfDelegation] = "head of delegation",
        [DelegationRole.Delegate] = "delegate",
        [DelegationRole.Interpreter] = "interpreter",
        [DelegationRole.SupportStaff] = "support staff",
    };

    public static string FileName(GetRoster.Roster roster) => $"roster-{roster.VisitId}.csv";

    public static Task<byte[]> FileAsync(GetRoster.Roster roster, CancellationToken cancellationToken)
    {
        var header = ImportRoster.TemplateColumns.Where(c => roster.NeedsShown || !NeedsColumns.Contains(c)).ToList();
        return Csv.FileAsync(
            header,
            roster.Members.ToAsyncEnumerable(),
            m =>
                roster.NeedsShown
                    ?
                    [
                        m.FullName,
                        m.Title,
                        m.Organization,
                        RoleNames[m.Role],
                        m.Email,
                        m.DietaryNeeds,
                        m.AccessibilityNeeds,
                        m.Honorific,
                        m.InterpretationNeeds,
                    ]
                    :
                    [
                        m.FullName,
                        m.Title,
                        m.Organization,
                        RoleNames[m.Role],
                        m.Email,
                        m.Honorific,
                        m.InterpretationNeeds,
                    ],
            cancellationToken
        );
    }
}
