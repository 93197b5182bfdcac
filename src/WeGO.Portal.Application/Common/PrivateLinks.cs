using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WeGO.Portal.Application.Common;

/// <summary>The two codes a public form's sender receives (a membership inquiry, a visit request; the delegation page
/// uses the token alone): a reference to quote ("WGO-2026-7K3M9Q") and the secret token of their private link. Only
/// the token's SHA-256 hash is stored, so a copy of the database opens no private page.</summary>
public static class PrivateLinks
{
    /// <summary>Membership inquiries (and the applications started from them).</summary>
    public const string InquiryPrefix = "WGO";

    public const string VisitRequestPrefix = "WGV";

    // No 0/O, 1/I/L or U/V look-alikes: a reference read out on the phone is typed right.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private const int ReferenceCodeLength = 6;
    private const int TokenBytes = 32;

    /// <summary>Length of a status token: 32 random bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    public static string NewReference(string prefix, int year) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{prefix}-{year}-{RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceCodeLength)}"
        );

    public static string NewStatusToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string HashStatusToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>The hash to look a token up by, or null for a token the portal cannot have issued (nothing to look
    /// up).</summary>
    public static string? HashIfWellFormed(string? token) => IsWellFormed(token) ? HashStatusToken(token!) : null;

    /// <summary>Whether a token could be one the portal issued; anything else is refused before the database is
    /// asked.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
