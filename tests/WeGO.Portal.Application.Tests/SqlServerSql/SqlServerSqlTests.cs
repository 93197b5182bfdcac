using System.Reflection;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Testing;
using Xunit.Abstractions;

namespace WeGO.Portal.Application.Tests.SqlServerSql;

/// <summary>No SQL Server engine runs on these machines, so the SQL EF would send to one is parsed by SQL Server's
/// own grammar instead: the idempotent migration script an operator runs, and the insert, update and delete of a row
/// of every table, made from the demo's rows.</summary>
public sealed class SqlServerSqlTests(DemoPortal portal, ITestOutputHelper output) : IClassFixture<DemoPortal>
{
    [Fact]
    public void The_parser_finds_an_error_in_SQL_and_in_the_SQL_an_EXEC_runs()
    {
        Assert.Empty(TSql.Parse("SELECT [Id] FROM [Visits] WHERE [Id] = @p0;", "good").Errors);
        Assert.Single(TSql.Parse("SELECT [Id] FROM [Visits] WHERE [Id] = = @p0;", "bad").Errors);
        var inExec = TSql.Parse("EXEC(N'CREATE INDEX [IX] ON [Visits] ([Id] WHERE');", "exec");
        Assert.Single(inExec.Errors);
        Assert.Contains("(EXEC)", inExec.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL()
    {
        using var db = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parsed = TSql.Parse(script, "idempotent script");

        output.WriteLine($"Idempotent script: {parsed.Statements} statements parsed, {parsed.Errors.Count} errors");
        Assert.True(parsed.Errors.Count == 0, string.Join(Environment.NewLine, parsed.Errors));
        // Every table's CREATE TABLE and its history row, at least.
        Assert.True(parsed.Statements > 2 * db.Model.GetEntityTypes().Count(), $"{parsed.Statements} statements");
    }

    /// <summary>For each table: a row added (one alone, then three together, which EF sends as a MERGE), a row
    /// changed and a row removed, as SaveChanges writes them for SQL Server.</summary>
    [Fact]
    public async Task Inserting_updating_and_deleting_a_row_of_every_table_sends_T_SQL()
    {
        var recording = new RecordingSqlServer();
        var tables = new List<string>();
        foreach (var type in Tables(recording))
        {
            var rows = await portal.WithDbAsync(db => Rows(db, type.ClrType));
            if (rows.Count == 0)
            {
                continue;
            }

            tables.Add(type.GetTableName()!);
            Save(recording, db =>
            {
                foreach (var row in rows)
                {
                    AddAsNew(db, row);
                }
            });
            var added = (await portal.WithDbAsync(db => Rows(db, type.ClrType)))[0];
            Save(recording, db =>
            {
                AddAsNew(db, added);
            });
            var one = (await portal.WithDbAsync(db => Rows(db, type.ClrType)))[0];
            Save(recording, db =>
            {
                var entry = db.Attach(one);
                var changed = entry.Properties.FirstOrDefault(p =>
                    !p.Metadata.IsKey() && !p.Metadata.IsConcurrencyToken && !p.Metadata.IsForeignKey()
                );
                if (changed is not null)
                {
                    changed.IsModified = true;
                }
            });
            Save(recording, db => db.Remove(one));
        }

        var (statements, errors) = TSql.ParseEach(recording.Sent, "command");

        output.WriteLine(
            $"Writes to {tables.Count} tables: {recording.Sent.Count} commands, {statements} statements parsed, "
                + $"{errors.Count} errors"
        );
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        string[] kinds = ["INSERT", "MERGE", "UPDATE", "DELETE"];
        foreach (var kind in kinds)
        {
            Assert.Contains(recording.Sent, sql => sql.Contains(kind, StringComparison.Ordinal));
        }

        // The demo fills the tables the city's journey and the Secretariat's desk write to.
        foreach (var table in (string[])["Visits", "MembershipInquiries", "Members", "VisitReports", "AspNetUsers"])
        {
            Assert.Contains(table, tables);
        }
    }

    /// <summary>Every use case's handler run once on SQL Server with a sample message: with no rows to read, most stop
    /// after their first query or two, and a write that finds nothing to change sends nothing; every SQL it did send
    /// is parsed.</summary>
    [Fact]
    public async Task Every_use_case_s_handler_sends_T_SQL()
    {
        var recording = new RecordingSqlServer();
        var handlers = typeof(PortalDbContext)
            .Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces().Where(IsHandler).Select(i => (Type: t, Interface: i)))
            .OrderBy(h => h.Type.FullName, StringComparer.Ordinal)
            .ToList();
        var sending = new List<string>();
        var reading = 0;
        var stopped = new List<string>();
        foreach (var (type, contract) in handlers)
        {
            if (
                !type.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(PortalDbContext)))
            )
            {
                // Identity's stores (staff accounts) reach the database through their own context.
                continue;
            }

            await using var scope = portal.Services.CreateAsyncScope();
            await using var db = recording.NewContext();
            var before = recording.Sent.Count;
            reading++;
            var handler = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type, db);
            var message = Sample(contract.GetGenericArguments()[0], 0);
            try
            {
                var handled = contract.GetMethod("Handle")!.Invoke(handler, [message, CancellationToken.None])!;
                await (Task)handled.GetType().GetMethod("AsTask")!.Invoke(handled, null)!;
            }
            catch (Exception e)
            {
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                stopped.Add($"{type.FullName}: {cause.GetType().Name}");
            }

            if (recording.Sent.Count > before)
            {
                sending.Add(type.FullName!);
            }
        }

        var (statements, errors) = TSql.ParseEach(recording.Sent, "query");

        output.WriteLine(
            $"{handlers.Count} handlers, {reading} with the portal's context, {sending.Count} sent SQL "
                + $"({recording.Sent.Count} commands, {statements} statements parsed, {errors.Count} errors); "
                + $"{stopped.Count} stopped on the empty database"
        );
        output.WriteLine(
            "Stopped by: "
                + string.Join(
                    ", ",
                    stopped
                        .GroupBy(s => s.Split(": ")[1])
                        .OrderByDescending(g => g.Count())
                        .Select(g => $"{g.Key} {g.Count()}")
                )
        );
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        // The lists and pages the Secretariat reads most send their SQL.
        foreach (var name in (string[])["ListVisits", "GetDashboard", "ListInquiries", "GetVisit"])
        {
            Assert.Contains(sending, h => h.Contains($".{name}+", StringComparison.Ordinal));
        }
    }

    private static bool IsHandler(Type contract) =>
        contract.IsGenericType
        && contract.GetGenericTypeDefinition() is var definition
        && (
            definition == typeof(IQueryHandler<,>)
            || definition == typeof(ICommandHandler<>)
            || definition == typeof(ICommandHandler<,>)
        );

    /// <summary>A message with a value in every field: ids 1, text "Seremban", the visit's day, the first of each
    /// choice, one item in each list.</summary>
    private static object? Sample(Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Sample(underlying, depth);
        }

        return type switch
        {
            _ when type == typeof(string) => "Seremban",
            _ when type == typeof(int) => 1,
            _ when type == typeof(long) => 1L,
            _ when type == typeof(bool) => false,
            _ when type == typeof(decimal) => 1m,
            _ when type == typeof(DateOnly) => new DateOnly(2024, 10, 7),
            _ when type == typeof(TimeOnly) => new TimeOnly(10, 0),
            _ when type == typeof(DateTime) => new DateTime(2024, 10, 7, 1, 0, 0, DateTimeKind.Utc),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2024, 10, 7, 1, 0, 0, TimeSpan.Zero),
            _ when type == typeof(TimeSpan) => TimeSpan.FromHours(1),
            _ when type == typeof(Guid) => Guid.Empty,
            _ when type == typeof(Uri) => new Uri("https://seremban.example.org/"),
            { IsEnum: true } => Enum.GetValues(type).GetValue(0),
            { IsArray: true } => OneOf(type.GetElementType()!, depth),
            _ when ListOf(type) is { } item => ListWith(item, depth),
            _ when depth > 3 || type.IsAbstract || type.IsInterface || type == typeof(object) => null,
            _ => Built(type, depth),
        };
    }

    private static Array OneOf(Type item, int depth)
    {
        var array = Array.CreateInstance(item, 1);
        array.SetValue(Sample(item, depth + 1), 0);
        return array;
    }

    private static Type? ListOf(Type type) =>
        type.IsGenericType
        && type.GetGenericArguments().Length == 1
        && typeof(IEnumerable<>).MakeGenericType(type.GetGenericArguments()[0]).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : null;

    private static object ListWith(Type item, int depth)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        list.Add(Sample(item, depth + 1));
        return list;
    }

    private static object? Built(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null && !type.IsValueType)
        {
            // Only the application makes it (a search's answer): the message goes without it.
            return null;
        }

        object? built;
        try
        {
            built = constructor is null
                ? Activator.CreateInstance(type)
                : constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType, depth + 1))]);
        }
        catch (TargetInvocationException)
        {
            // A type that refuses made-up values (a stream, a culture): the message goes without it.
            return null;
        }

        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(built);
            if (value is null || value.Equals(Default(property.PropertyType)))
            {
                property.SetValue(built, Sample(property.PropertyType, depth + 1));
            }
        }

        return built;
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    /// <summary>The model's tables, each once: its owner type (owned types are written with it), no shared types
    /// without a class of their own.</summary>
    private static List<IEntityType> Tables(RecordingSqlServer recording)
    {
        using var db = recording.NewContext();
        return
        [
            .. db
                .Model.GetEntityTypes()
                .Where(t => !t.IsOwned() && !t.HasSharedClrType && t.FindPrimaryKey() is not null && t.BaseType is null)
                .Where(t => t.GetTableName() is not null)
                .OrderBy(t => t.GetTableName(), StringComparer.Ordinal),
        ];
    }

    /// <summary>Three rows of <paramref name="type"/> as the demo wrote them, not tracked.</summary>
    private static async Task<List<object>> Rows(PortalDbContext db, Type type)
    {
        var set =
            (IQueryable<object>)
                typeof(DbContext)
                    .GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                    .MakeGenericMethod(type)
                    .Invoke(db, null)!;
        return await set.AsNoTracking().Take(3).ToListAsync();
    }

    /// <summary>Adds a row as a new one is added: a number the database gives is left for it to give.</summary>
    private static void AddAsNew(PortalDbContext db, object row)
    {
        var entry = db.Entry(row);
        foreach (var key in entry.Metadata.FindPrimaryKey()!.Properties)
        {
            if (key.ValueGenerated == ValueGenerated.OnAdd && key.ClrType.IsValueType)
            {
                entry.Property(key.Name).CurrentValue = Activator.CreateInstance(key.ClrType);
            }
        }

        entry.State = EntityState.Added;
    }

    /// <summary>One SaveChanges on a fresh context: the recorder answers reads with no rows, so EF may call a write
    /// lost once its SQL is sent; that SQL is what is kept.</summary>
    private static void Save(RecordingSqlServer recording, Action<PortalDbContext> change)
    {
        using var db = recording.NewContext();
        change(db);
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException) { }
    }
}
