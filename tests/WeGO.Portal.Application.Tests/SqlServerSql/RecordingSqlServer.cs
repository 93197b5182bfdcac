using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Tests.SqlServerSql;

/// <summary>A portal context on SQL Server with no server: no connection opens, no transaction starts, and every
/// command EF would send is kept as text instead (reads find no rows, writes affect one). What a use case would send
/// to a real SQL Server can then be read and parsed.</summary>
internal sealed class RecordingSqlServer
{
    private readonly Recorder recorder = new();

    public IReadOnlyList<string> Sent => recorder.Sent;

    /// <summary>A fresh context (its own change tracker) that records into this recorder.</summary>
    public PortalDbContext NewContext() =>
        new(
            new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlServer(
                    "Server=(recorded);Database=WeGOPortal;Integrated Security=true;TrustServerCertificate=true",
                    sql =>
                        sql.MigrationsAssembly(typeof(Migrations.SqlServer.DesignTimeFactory).Assembly.GetName().Name)
                )
                .AddInterceptors(recorder)
                .Options
        );

    private sealed class Recorder : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
    {
        public List<string> Sent { get; } = [];

        public InterceptionResult ConnectionOpening(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result
        ) => InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result,
            CancellationToken cancellationToken = default
        ) => ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult ConnectionClosing(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result
        ) => InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionClosingAsync(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result
        ) => ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult<DbCommand> CommandCreating(
            CommandCorrelatedEventData eventData,
            InterceptionResult<DbCommand> result
        ) => InterceptionResult<DbCommand>.SuppressWithResult(new RecordedCommand(Sent));

        public InterceptionResult<DbTransaction> TransactionStarting(
            DbConnection connection,
            TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result
        ) => InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection));

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection,
            TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default
        ) => ValueTask.FromResult(InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection)));
    }

    /// <summary>A command that keeps its text: SqlClient's own parameters, so EF's SQL Server mappings apply as they
    /// would.</summary>
    private sealed class RecordedCommand(List<string> sent) : DbCommand
    {
        private readonly SqlCommand parameters = new();

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => parameters.Parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel() { }

        public override void Prepare() { }

        public override int ExecuteNonQuery()
        {
            Keep();
            return 1;
        }

        public override object? ExecuteScalar()
        {
            Keep();
            return null;
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            Keep();
            return new DataTable().CreateDataReader();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                parameters.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep()
        {
            lock (sent)
            {
                sent.Add(CommandText);
            }
        }
    }

    private sealed class NoTransaction(DbConnection connection) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;
        protected override DbConnection DbConnection => connection;

        public override void Commit() { }

        public override void Rollback() { }
    }
}
