using System.Data.Common;

namespace WeGO.Portal.Infrastructure.DemoData.Generation;

/// <summary>Fills a database fast: one prepared INSERT per table, reused for every row, inside large transactions.
/// Values are bound as CLR values, so each provider writes them as EF Core does: on SQLite in its text formats
/// (DateTime 'yyyy-MM-dd HH:mm:ss.FFFFFFF', DateOnly 'yyyy-MM-dd', bool 0/1), on PostgreSQL as the column's own type
/// (timestamptz, date, boolean). Names are quoted with double quotes, which both read as identifiers.</summary>
/// <remarks>Given the caller's transaction, it writes inside it and never commits: the caller's commit or rollback
/// decides for every row.</remarks>
internal sealed class BulkInsert(DbConnection connection, DbTransaction? outer = null) : IDisposable
{
    private readonly List<Table> tables = [];
    private readonly bool ownsTransactions = outer is null;
    private DbTransaction? transaction = outer;

    public IEnumerable<(string Table, int Rows)> Counts => tables.Select(t => (t.Name, t.Rows));

    public Table Into(string name, params string[] columns)
    {
        var table = new Table(connection, name, columns) { Transaction = Begin() };
        tables.Add(table);
        return table;
    }

    /// <summary>Commits what was written so far and goes on in a new transaction.</summary>
    public void Commit()
    {
        if (!ownsTransactions)
        {
            return;
        }

        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
        var next = Begin();
        foreach (var table in tables)
        {
            table.Transaction = next;
        }
    }

    public void Dispose()
    {
        if (ownsTransactions)
        {
            transaction?.Commit();
            transaction?.Dispose();
        }

        foreach (var table in tables)
        {
            table.Dispose();
        }
    }

    private DbTransaction Begin() => transaction ??= connection.BeginTransaction();

    internal sealed class Table : IDisposable
    {
        private readonly DbCommand command;
        private readonly DbParameter[] parameters;

        public Table(DbConnection connection, string name, string[] columns)
        {
            Name = name;
            command = connection.CreateCommand();
#pragma warning disable CA2100 // Table and column names are constants of this program; values go through parameters.
            command.CommandText =
                $"INSERT INTO \"{name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
#pragma warning restore CA2100
            parameters = [.. columns.Select((_, i) => Parameter(command, "@p" + i))];
        }

        private static DbParameter Parameter(DbCommand command, string name)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }

        public string Name { get; }

        public int Rows { get; private set; }

        public DbTransaction Transaction
        {
            set => command.Transaction = value;
        }

        /// <summary>Values in the order of the columns; enums go in as their names, as the portal stores
        /// them.</summary>
        public void Add(params object?[] values)
        {
            if (values.Length != parameters.Length)
            {
                throw new ArgumentException(
                    $"{Name} takes {parameters.Length} values, not {values.Length}",
                    nameof(values)
                );
            }

            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    Enum e => e.ToString(),
                    var value => value,
                };
            }

            command.ExecuteNonQuery();
            Rows++;
        }

        public void Dispose() => command.Dispose();
    }
}
