using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WeGO.Portal.Application.Membership;

/// <summary>The two codes an inquirer receives: a reference to quote ("WGO-2026-7K3M9Q") and the secret token of their
/// private status link. Only the token's SHA-256 hash is stored, so a copy of the database opens no status
/// page.</summary>
public static class InquiryCodes
{
    // No 0/O, 1/I/L or U/V look-alikes: a reference read out on the phone is typed right.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private const int ReferenceCodeLength = 6;
    private const int TokenBytes = 32;

    /// <summary>Length of a status token: 32 random bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    public static string NewReference(int year) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"WGO-{year}-{RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceCodeLength)}"
        );

    public static string NewStatusToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string HashStatusToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether a token could be one the portal issued; anything else is refused before the database is
    /// asked.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
