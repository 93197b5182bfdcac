using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Infrastructure.Database;

/// <summary>On SQLite, after an erasure: the text indexes merged, so the erased values' terms leave their segments, and
/// the write-ahead log checkpointed and truncated, so the pages holding the values before they were overwritten leave
/// the -wal file (secure_delete already zeroes them in the database file: <see cref="SqliteConnectionSetup"/>).
/// </summary>
public sealed class DatabaseFiles(PortalDbContext db, SqliteWriteGate writeGate) : IDatabaseFiles
{
    // FTS5's own command: rewrites each index as one segment, leaving out deleted rows' terms.
    private const string MergeTextIndexes = """
        INSERT INTO "InquirySearch"("InquirySearch") VALUES ('optimize');
        INSERT INTO "OrganizationSearch"("OrganizationSearch") VALUES ('optimize');
        INSERT INTO "VisitSearch"("VisitSearch") VALUES ('optimize');
        """;

    public async Task FlushErasedAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(MergeTextIndexes, cancellationToken);

            // TRUNCATE waits for readers through the busy timeout; a reader still holding an old snapshot leaves the
            // log to the next checkpoint, which SQLite runs on its own as the log grows.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }
}
