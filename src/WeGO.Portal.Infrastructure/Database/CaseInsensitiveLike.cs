using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace WeGO.Portal.Infrastructure.Database;

/// <summary>Makes <c>EF.Functions.Like</c> ignore case on PostgreSQL, as it does on SQLite (ASCII) and on SQL Server
/// (its case-insensitive collation): <c>lower(match) LIKE lower(pattern)</c>. PostgreSQL's LIKE is case-sensitive,
/// and the queries were written against the other two, so the one place that differs is the provider's
/// translation, not the 22 call sites (docs/decisions/0038). A plugin's translators run before the provider's
/// own.</summary>
public static class CaseInsensitiveLike
{
    public static DbContextOptionsBuilder UseCaseInsensitiveLike(this DbContextOptionsBuilder builder)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new Extension());
        return builder;
    }

    private sealed class Extension : IDbContextOptionsExtension
    {
        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

        public void Validate(IDbContextOptions options) { }
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using case-insensitive LIKE ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["WeGO:CaseInsensitiveLike"] = "1";
    }

    private sealed class Plugin(ISqlExpressionFactory sql) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql)];
    }

    private sealed class Translator(ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
            nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string)]
        )!;

        private static readonly MethodInfo LikeWithEscape = typeof(DbFunctionsExtensions).GetMethod(
            nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)]
        )!;

        public SqlExpression? Translate(
            SqlExpression? instance,
            MethodInfo method,
            IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger
        )
        {
            if (method != Like && method != LikeWithEscape)
            {
                return null;
            }

            var match = arguments[1];
            var pattern = arguments[2];
            var mapping = Microsoft.EntityFrameworkCore.Query.ExpressionExtensions.InferTypeMapping(match, pattern);
            var escape = method == LikeWithEscape ? sql.ApplyTypeMapping(arguments[3], mapping) : null;
            return sql.Like(
                Lower(sql.ApplyTypeMapping(match, mapping)),
                Lower(sql.ApplyTypeMapping(pattern, mapping)),
                escape
            );
        }

        private SqlExpression Lower(SqlExpression text) =>
            sql.Function("lower", [text], nullable: true, [true], typeof(string), text.TypeMapping);
    }
}
