using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace WeGO.Portal.Application.Tests.SqlServerSql;

/// <summary>SQL Server's own T-SQL grammar (ScriptDom, compatibility level 160, the level EF Core 10 writes for) over
/// text EF produced: how many statements it holds and every error, with the text around it. Dynamic SQL the text runs
/// (<c>EXEC(N'...')</c>, which the migrations use for statements SQL Server wants alone in their batch) is parsed
/// too.</summary>
internal static class TSql
{
    public sealed record Parsed(int Statements, IReadOnlyList<string> Errors);

    public static Parsed Parse(string sql, string source)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        var found = errors
            .Select(e => $"{source}, line {e.Line}, column {e.Column}: {e.Message} in «{Around(sql, e.Offset)}»")
            .ToList();
        var dynamicSql = new DynamicSql();
        fragment?.Accept(dynamicSql);
        var statements = dynamicSql.Statements;
        foreach (var inner in dynamicSql.Texts)
        {
            var parsed = Parse(inner, $"{source} (EXEC)");
            statements += parsed.Statements;
            found.AddRange(parsed.Errors);
        }

        return new Parsed(statements, found);
    }

    /// <summary>Each of <paramref name="commands"/> parsed on its own (as each is sent), the statements and errors
    /// of all of them together; an error names its command as "<paramref name="kind"/> n".</summary>
    public static Parsed ParseEach(IReadOnlyList<string> commands, string kind)
    {
        var parsed = commands.Select((sql, index) => Parse(sql, $"{kind} {index + 1}")).ToList();
        return new Parsed(parsed.Sum(p => p.Statements), [.. parsed.SelectMany(p => p.Errors)]);
    }

    private static string Around(string sql, int offset)
    {
        var from = Math.Clamp(offset - 60, 0, sql.Length);
        var to = Math.Clamp(offset + 60, 0, sql.Length);
        return sql[from..to].ReplaceLineEndings(" ");
    }

    /// <summary>Every statement, those inside IF and BEGIN ... END included, and the string literals an
    /// <c>EXEC</c> runs as SQL.</summary>
    private sealed class DynamicSql : TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public int Statements { get; private set; }

        public override void Visit(TSqlStatement node)
        {
            Statements++;
            base.Visit(node);
        }

        public override void ExplicitVisit(ExecutableStringList node)
        {
            Texts.Add(string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value)));
            base.ExplicitVisit(node);
        }
    }
}
