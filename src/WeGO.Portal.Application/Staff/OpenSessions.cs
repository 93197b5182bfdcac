using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Staff;

/// <summary>Which sign-in sessions are open, asked on every signed-in request. The answer comes from the database and
/// is remembered for <see cref="RecheckInterval"/>, so most requests cost a dictionary lookup. This process forgets
/// what it remembered about a user as soon as it commits a change to their sessions or account (<see
/// cref="SessionInvalidation"/>); another instance on the same database learns of it at its next check, at most <see
/// cref="RecheckInterval"/> later. See docs/decisions/0013-server-side-sessions.md.</summary>
public sealed class OpenSessions(TimeProvider clock, SqliteWriteGate writeGate, IOptions<SessionSettings> settings)
{
    private readonly ConcurrentDictionary<string, Remembered> remembered = new(StringComparer.Ordinal);
    private long nextSweep;

    /// <summary>How long an answer is trusted before the database is asked again.</summary>
    public TimeSpan RecheckInterval { get; } = TimeSpan.FromSeconds(settings.Value.RecheckSeconds);

    private long RecheckTicks => (long)(RecheckInterval.TotalSeconds * clock.TimestampFrequency);

    /// <summary>Records a new sign-in and answers its id, for the cookie.</summary>
    public async Task<string> StartAsync(
        PortalDbContext db,
        string userId,
        string securityStamp,
        string? userAgent,
        CancellationToken cancellationToken
    )
    {
        var session = new StaffSession(userId, securityStamp, userAgent, clock.GetUtcNow().UtcDateTime);
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            db.StaffSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
        }

        return session.Id;
    }

    /// <summary>Sign-out: the session ends for every copy of its cookie.</summary>
    public async Task EndAsync(PortalDbContext db, string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await db
                .StaffSessions.Where(s => s.Id == sessionId && s.EndedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAtUtc, now), cancellationToken);
        }

        remembered.TryRemove(sessionId, out _);
    }

    /// <summary>True while the session is <see cref="Open"/>. <paramref name="db"/> is only asked when the remembered
    /// answer is missing or older than <see cref="RecheckInterval"/>.</summary>
    public async ValueTask<bool> IsOpenAsync(
        string sessionId,
        Func<PortalDbContext> db,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetTimestamp();
        if (remembered.TryGetValue(sessionId, out var known) && now < known.TrustedUntil)
        {
            return true;
        }

        var context = db();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var state = await Open(context, nowUtc)
            .AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.UserId, s.LastSeenAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            remembered.TryRemove(sessionId, out _);
            return false;
        }

        if (state.LastSeenAtUtc < nowUtc - StaffSession.LastSeenPrecision)
        {
            using (await writeGate.EnterAsync(context, cancellationToken))
            {
                await context
                    .StaffSessions.Where(s => s.Id == sessionId)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAtUtc, nowUtc), cancellationToken);
            }
        }

        Sweep(now);
        remembered[sessionId] = new Remembered(state.UserId, now + RecheckTicks);
        return true;
    }

    /// <summary>The open sessions: not ended, issued under their user's current security stamp, used within
    /// <see cref="StaffSession.IdleLifetime"/>.</summary>
    public static IQueryable<StaffSession> Open(PortalDbContext db, DateTime nowUtc)
    {
        var idleSince = nowUtc - StaffSession.IdleLifetime;
        return db.StaffSessions.Where(s =>
            s.EndedAtUtc == null
            && s.LastSeenAtUtc >= idleSince
            && db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp)
        );
    }

    /// <summary>Forgets what this process remembered about <paramref name="userId"/>'s sessions: their next request
    /// asks the database.</summary>
    public void Forget(string userId)
    {
        foreach (var (sessionId, known) in remembered)
        {
            if (known.UserId == userId)
            {
                remembered.TryRemove(sessionId, out _);
            }
        }
    }

    /// <summary>Drops answers no longer trusted, at most once per interval, so the dictionary holds only the sessions
    /// used within the last interval.</summary>
    private void Sweep(long now)
    {
        var due = Interlocked.Read(ref nextSweep);
        if (now < due || Interlocked.CompareExchange(ref nextSweep, now + RecheckTicks, due) != due)
        {
            return;
        }

        foreach (var (sessionId, known) in remembered)
        {
            if (known.TrustedUntil <= now)
            {
                remembered.TryRemove(sessionId, out _);
            }
        }
    }

    private readonly record struct Remembered(string UserId, long TrustedUntil);
}

/// <summary>Configuration section <c>Portal:Sessions</c>.</summary>
public sealed class SessionSettings
{
    public const string Section = "Portal:Sessions";

    /// <summary>The longest another instance keeps honouring a session ended elsewhere (this instance: none).</summary>
    public double RecheckSeconds { get; set; } = 10;
}
