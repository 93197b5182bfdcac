using System.Security.Cryptography;

namespace WeGO.Portal.Application.Staff;

/// <summary>One sign-in of a staff member: the server's side of a sign-in cookie, which carries only its id. The cookie
/// is honoured while the session is open, so ending the session (sign-out, an administrator, a changed security stamp)
/// makes every copy of the cookie worthless at once. See docs/decisions/0013-server-side-sessions.md.</summary>
public sealed class StaffSession
{
    public const int IdLength = 32;
    public const int UserAgentMaxLength = 512;
    public const int SecurityStampMaxLength = 256;

    /// <summary>How long a session lives without a request: the sign-in cookie's sliding lifetime.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    /// <summary>How stale <see cref="LastSeenAtUtc"/> may be: it is written at most this often per session.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    private StaffSession() { }

    public StaffSession(string userId, string securityStamp, string? userAgent, DateTime startedAtUtc)
    {
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        UserId = userId;
        SecurityStamp = securityStamp;
        UserAgent = userAgent is { Length: > UserAgentMaxLength } ? userAgent[..UserAgentMaxLength] : userAgent ?? "";
        StartedAtUtc = startedAtUtc;
        LastSeenAtUtc = startedAtUtc;
    }

    public string Id { get; private set; } = "";

    public string UserId { get; private set; } = "";

    /// <summary>The user's security stamp when they signed in: a new password, a role change or a disabled account
    /// changes the stamp and so ends every session issued before.</summary>
    public string SecurityStamp { get; private set; } = "";

    public string UserAgent { get; private set; } = "";

    public DateTime StartedAtUtc { get; private set; }

    public DateTime LastSeenAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    public void End(DateTime nowUtc) => EndedAtUtc ??= nowUtc;
}
