using System.Data.Common;

namespace WeGO.Portal.Infrastructure.DemoData.Generation;

/// <summary>Fills a database fast: one prepared INSERT per table, reused for every row, inside large transactions.
/// Values are bound as CLR values, so each provider writes them as EF Core does: on SQLite in its text formats
/// (DateTime 'yyyy-MM-dd HH:mm:ss.FFFFFFF', DateOnly 'yyyy-MM-dd', bool 0/1), on PostgreSQL as the column's own type
/// (timestamptz, date, boolean). Names are quoted with double quotes, which both read as identifiers.</summary>
/// <remarks>
/// <para>Given the caller's transaction, it writes inside it and never commits: the caller's commit or rollback
/// decides for every row.</para>
/// <para>With <paramref name="rowsPerStatement"/> above 1, a table's rows wait and go as one INSERT of that many
/// rows, which saves a server engine a round trip a row. Tables then reach the database out of the order the rows
/// were added in, so the connection must not check foreign keys row by row (the benchmarks' PostgreSQL fill turns
/// them off for its session); with 1, every row goes at once and the order is kept.</para>
/// </remarks>
internal sealed class BulkInsert(DbConnection connection, DbTransaction? outer = null, int rowsPerStatement = 1)
    : IDisposable
{
    private readonly List<Table> tables = [];
    private readonly bool ownsTransactions = outer is null;
    private DbTransaction? transaction = outer;

    public IEnumerable<(string Table, int Rows)> Counts => tables.Select(t => (t.Name, t.Rows));

    public Table Into(string name, params string[] columns)
    {
        var table = new Table(connection, name, columns, Math.Max(1, rowsPerStatement)) { Transaction = Begin() };
        tables.Add(table);
        return table;
    }

    /// <summary>Commits what was written so far and goes on in a new transaction.</summary>
    public void Commit()
    {
        Flush();
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
        Flush();
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

    private void Flush()
    {
        foreach (var table in tables)
        {
            table.Flush();
        }
    }

    private DbTransaction Begin() => transaction ??= connection.BeginTransaction();

    internal sealed class Table : IDisposable
    {
        private readonly DbConnection connection;
        private readonly string[] columns;
        private readonly int rowsPerStatement;
        private readonly List<object?[]> waiting = [];

        /// <summary>The INSERT for a full batch, made on first use and reused; a shorter last batch gets its
        /// own.</summary>
        private DbCommand? full;
        private DbTransaction? transaction;

        public Table(DbConnection connection, string name, string[] columns, int rowsPerStatement)
        {
            this.connection = connection;
            this.columns = columns;
            this.rowsPerStatement = rowsPerStatement;
            Name = name;
        }

        public string Name { get; }

        public int Rows { get; private set; }

        public DbTransaction Transaction
        {
            set
            {
                transaction = value;
                full?.Transaction = value;
            }
        }

        /// <summary>Values in the order of the columns; enums go in as their names, as the portal stores
        /// them.</summary>
        public void Add(params object?[] values)
        {
            if (values.Length != columns.Length)
            {
                throw new ArgumentException(
                    $"{Name} takes {columns.Length} values, not {values.Length}",
                    nameof(values)
                );
            }

            waiting.Add(values);
            Rows++;
            if (waiting.Count == rowsPerStatement)
            {
                Flush();
            }
        }

        /// <summary>Writes the rows that wait, in one statement.</summary>
        public void Flush()
        {
            if (waiting.Count == 0)
            {
                return;
            }

            if (waiting.Count == rowsPerStatement)
            {
                full ??= Insert(rowsPerStatement);
                Write(full);
            }
            else
            {
                using var last = Insert(waiting.Count);
                Write(last);
            }

            waiting.Clear();
        }

        public void Dispose() => full?.Dispose();

        private void Write(DbCommand command)
        {
            var parameter = 0;
            foreach (var row in waiting)
            {
                foreach (var value in row)
                {
                    command.Parameters[parameter++].Value = value switch
                    {
                        null => DBNull.Value,
                        Enum e => e.ToString(),
                        _ => value,
                    };
                }
            }

            command.ExecuteNonQuery();
        }

        private DbCommand Insert(int rows)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = Enumerable
                .Range(0, rows)
                .Select(row =>
                    "(" + string.Join(", ", columns.Select((_, i) => "@p" + (row * columns.Length + i))) + ")"
                );
#pragma warning disable CA2100 // Table and column names are constants of this program; values go through parameters.
            command.CommandText =
                $"INSERT INTO \"{Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES {string.Join(", ", values)}";
#pragma warning restore CA2100
            for (var i = 0; i < rows * columns.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }
}
