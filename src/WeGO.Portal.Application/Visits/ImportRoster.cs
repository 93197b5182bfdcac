using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff load the list of delegates a city sent them as a CSV file. Every row is checked first; if any
/// is wrong the answer lists each problem by row and column and nothing is imported. Otherwise the file's
/// delegates REPLACE the roster: a corrected file can be imported again without duplicating anyone.</summary>
public static class ImportRoster
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 2000;

    /// <summary>The columns of the template, in its order; headers may also be written in Spanish or Korean.</summary>
    public static readonly IReadOnlyList<string> TemplateColumns =
    [
        "name",
        "title",
        "organisation",
        "role",
        "email",
        "dietary needs",
        "accessibility needs",
        "honorific",
        "interpretation needs",
    ];

    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand<Result>
    {
        public int VisitId { get; init; }

        public int Version { get; init; }

        /// <summary>The file as uploaded (the page reads at most <see cref="MaxBytes"/> + 1 bytes of it).</summary>
        public byte[] Content { get; init; } = [];
    }

    /// <param name="Row">The file's row (the header is row 1), or null for a problem with the whole file.</param>
    /// <param name="Column">The column's header as written in the file, when the problem is in one value.</param>
    /// <param name="Message">In the language of the request.</param>
    public sealed record Problem(int? Row, string? Column, string Code, string Message);

    public sealed record Result(int Imported, IReadOnlyList<Problem> Problems)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    /// <summary>An empty template to fill in: the header row, UTF-8 with a byte-order mark so spreadsheets read
    /// accents and Korean correctly.</summary>
    public static byte[] Template() => Csv.Header(TemplateColumns);

    public sealed class Handler(PortalDbContext db, IStringLocalizer<Messages> messages)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            var (rows, problems) = new RosterFile(messages).Read(command.Content);
            if (problems.Count > 0)
            {
                return new Result(0, problems);
            }

            // Every row is valid: replace the roster. A rule the entity still refuses throws, and the unit of work
            // rolls the whole command back, so a roster is never half imported.
            foreach (var member in visit.Delegation.Members.ToList())
            {
                visit.RemoveDelegationMember(member.Id);
            }

            foreach (var row in rows)
            {
                var member = visit.AddDelegationMember(
                    row.FullName,
                    row.Title,
                    row.Organization,
                    row.Role,
                    row.Email,
                    row.DietaryNeeds,
                    row.AccessibilityNeeds
                );
                visit.DescribeDelegateProtocol(member, row.Honorific, row.InterpretationNeeds);
            }

            return new Result(rows.Count, []);
        }
    }

    public sealed record Row(
        string FullName,
        string? Title,
        string? Organization,
        DelegationRole Role,
        string? Email,
        string? DietaryNeeds,
        string? AccessibilityNeeds,
        string? Honorific,
        string? InterpretationNeeds
    ) : IDelegateDetails;

    private enum Column
    {
        FullName,
        Title,
        Organization,
        Role,
        Email,
        DietaryNeeds,
        AccessibilityNeeds,
        Honorific,
        InterpretationNeeds,
    }

    /// <summary>Reads and checks a roster file: all its rows, or every problem found in it.</summary>
    private sealed class RosterFile(IStringLocalizer<Messages> messages)
    {
        // Header names and role values in English, Spanish and Korean, compared after Normalize.
        private static readonly Dictionary<string, Column> Headers = Aliases(
            new Dictionary<Column, string[]>
            {
                [Column.FullName] = ["name", "full name", "nombre", "nombre completo", "이름", "성명"],
                [Column.Title] = ["title", "position", "cargo", "título", "puesto", "직함", "직위"],
                [Column.Organization] =
                [
                    "organisation",
                    "organization",
                    "organización",
                    "institución",
                    "소속",
                    "기관",
                    "소속 기관",
                ],
                [Column.Role] = ["role", "función", "rol", "역할"],
                [Column.Email] = ["email", "email address", "correo", "correo electrónico", "이메일", "전자우편"],
                [Column.DietaryNeeds] =
                [
                    "dietary needs",
                    "dietary",
                    "diet",
                    "necesidades alimentarias",
                    "dieta",
                    "식이 요구 사항",
                    "식이",
                    "식단",
                ],
                [Column.AccessibilityNeeds] =
                [
                    "accessibility needs",
                    "accessibility",
                    "necesidades de accesibilidad",
                    "accesibilidad",
                    "접근성 요구 사항",
                    "접근성",
                ],
                [Column.Honorific] =
                [
                    "honorific",
                    "form of address",
                    "tratamiento",
                    "título honorífico",
                    "호칭",
                    "경칭",
                ],
                [Column.InterpretationNeeds] =
                [
                    "interpretation needs",
                    "interpretation",
                    "necesidades de interpretación",
                    "interpretación",
                    "통역 요구 사항",
                    "통역 필요",
                ],
            }
        );

        private static readonly Dictionary<string, DelegationRole> Roles = Aliases(
            new Dictionary<DelegationRole, string[]>
            {
                [DelegationRole.HeadOfDelegation] =
                [
                    "head of delegation",
                    "head",
                    "jefe de la delegación",
                    "jefa de la delegación",
                    "jefe de delegación",
                    "jefa de delegación",
                    "jefe",
                    "jefa",
                    "대표단장",
                    "단장",
                ],
                [DelegationRole.Delegate] = ["delegate", "delegado", "delegada", "대표단원", "단원"],
                [DelegationRole.Interpreter] = ["interpreter", "intérprete", "통역사", "통역"],
                [DelegationRole.SupportStaff] =
                [
                    "support staff",
                    "support",
                    "staff",
                    "personal de apoyo",
                    "apoyo",
                    "지원 인력",
                    "지원",
                ],
            }
        );

        private static readonly DelegateDetailsValidator Rules = new DelegateDetailsValidator();

        private readonly List<Problem> problems = [];

        public (IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems) Read(byte[] content)
        {
            var rows = new List<Row>();
            if (content.Length > MaxBytes)
            {
                return (rows, [FileProblem("Roster.FileTooLarge", MaxBytes / 1024 / 1024)]);
            }

            // A file saved as Windows-1252 or UTF-16 is refused with how to save it, rather than read as garbage.
            if (!Utf8.IsValid(content))
            {
                return (rows, [FileProblem("Roster.NotUtf8")]);
            }

            var records = Csv.Read(content).Where(r => !r.IsBlank || r.Unclosed).Take(MaxRows + 2).ToList();
            if (records.Count == 0)
            {
                return (rows, [FileProblem("Roster.FileEmpty")]);
            }

            var header = records[0];
            var columns = ReadHeader(header);
            if (columns is null)
            {
                return (rows, problems);
            }

            var data = records.Skip(1).ToList();
            if (data.Count == 0)
            {
                return (rows, [FileProblem("Roster.NoDelegates")]);
            }

            if (data.Count > MaxRows)
            {
                return (rows, [FileProblem("Roster.TooManyRows", MaxRows)]);
            }

            var headSeen = false;
            foreach (var record in data)
            {
                if (ReadRow(record, header, columns) is not { } row)
                {
                    continue;
                }

                if (row.Role == DelegationRole.HeadOfDelegation)
                {
                    if (headSeen)
                    {
                        Add(record.Number, HeaderOf(header, columns, Column.Role), "Delegation.HeadAlreadyOnRoster");
                    }

                    headSeen = true;
                }

                rows.Add(row);
            }

            return (rows, problems);
        }

        /// <summary>Which column holds what, or null (with the problems recorded) when the header row is missing or
        /// wrong.</summary>
        private Dictionary<Column, int>? ReadHeader(CsvRecord header)
        {
            var expected = string.Join(", ", TemplateColumns);
            if (!header.Fields.Any(f => Headers.ContainsKey(Normalize(f))))
            {
                // Not one known column: the first row is data, not a header.
                problems.Add(FileProblem("Roster.HeaderMissing", expected));
                return null;
            }

            var columns = new Dictionary<Column, int>();
            for (var index = 0; index < header.Fields.Count; index++)
            {
                var name = header.Fields[index].Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (!Headers.TryGetValue(Normalize(name), out var column))
                {
                    Add(1, name, "Roster.UnknownColumn", name, expected);
                }
                else if (!columns.TryAdd(column, index))
                {
                    Add(1, name, "Roster.DuplicateColumn", name);
                }
            }

            if (!columns.ContainsKey(Column.FullName))
            {
                problems.Add(FileProblem("Roster.NameColumnMissing"));
            }

            return problems.Count == 0 ? columns : null;
        }

        private Row? ReadRow(CsvRecord record, CsvRecord header, Dictionary<Column, int> columns)
        {
            var before = problems.Count;
            if (record.Unclosed)
            {
                Add(record.Number, null, "Roster.UnclosedQuote");
                return null;
            }

            var extra = record.Fields.Skip(header.Fields.Count).Any(f => !string.IsNullOrWhiteSpace(f));
            if (extra)
            {
                Add(record.Number, null, "Roster.TooManyValues", record.Fields.Count, header.Fields.Count);
            }

            string? Value(Column column) =>
                columns.TryGetValue(column, out var index)
                && index < record.Fields.Count
                && record.Fields[index].Trim() is { Length: > 0 } value
                    ? value
                    : null;

            var roleText = Value(Column.Role);
            var role = DelegationRole.Delegate;
            if (roleText is not null && !Roles.TryGetValue(Normalize(roleText), out role))
            {
                Add(record.Number, HeaderOf(header, columns, Column.Role), "Roster.UnknownRole", roleText);
                role = DelegationRole.Delegate;
            }

            var row = new Row(
                Value(Column.FullName) ?? "",
                Value(Column.Title),
                Value(Column.Organization),
                role,
                Value(Column.Email),
                Value(Column.DietaryNeeds),
                Value(Column.AccessibilityNeeds),
                Value(Column.Honorific),
                Value(Column.InterpretationNeeds)
            );
            foreach (var failure in Rules.Validate(row).Errors)
            {
                var column = Enum.Parse<Column>(failure.PropertyName);
                problems.Add(
                    new Problem(
                        record.Number,
                        HeaderOf(header, columns, column),
                        failure.ErrorCode,
                        failure.ErrorMessage
                    )
                );
            }

            return problems.Count == before ? row : null;
        }

        private static string HeaderOf(CsvRecord header, Dictionary<Column, int> columns, Column column) =>
            columns.TryGetValue(column, out var index) ? header.Fields[index].Trim() : TemplateColumns[(int)column];

        private void Add(int row, string? column, string code, params object[] arguments) =>
            problems.Add(new Problem(row, column, code, messages[code, arguments]));

        private Problem FileProblem(string code, params object[] arguments) =>
            new(null, null, code, messages[code, arguments]);

        /// <summary>Lower case, without accents, spaces or punctuation: "Organización" and "organizacion",
        /// "E-mail" and "email" match.</summary>
        private static string Normalize(string text)
        {
            var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
            var kept = decomposed.Where(c =>
                char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark
            );
            return string.Concat(kept).Normalize(NormalizationForm.FormC);
        }

        private static Dictionary<string, T> Aliases<T>(Dictionary<T, string[]> names)
            where T : notnull =>
            names
                .SelectMany(pair => pair.Value.Select(name => (Name: Normalize(name), Value: pair.Key)))
                .ToDictionary(alias => alias.Name, alias => alias.Value);
    }
}
