namespace WeGO.Portal.Application.Staff;

/// <summary>Two-factor sign-in (<c>Portal:SignIn:TwoFactor</c>): offered to everyone, required of administrators who
/// sign in with a password unless an installation switches the requirement off (a local trial).</summary>
public sealed class TwoFactorSettings
{
    public const string Section = "Portal:SignIn:TwoFactor";

    public bool RequiredForAdministrators { get; set; } = true;

    /// <summary>How many recovery codes a staff member is given at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>What an authenticator app shows, without the spaces and dashes people type.</summary>
    public static string Compact(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>A recovery code as Identity made it ("XXXXX-XXXXX", upper case), however it was typed: Identity
    /// compares the exact text.</summary>
    public static string RecoveryCodeAsIssued(string? code)
    {
        var compact = Compact(code).ToUpperInvariant();
        return compact.Length == 10 ? compact[..5] + "-" + compact[5..] : compact;
    }
}
