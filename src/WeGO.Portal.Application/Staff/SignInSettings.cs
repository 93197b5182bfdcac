namespace WeGO.Portal.Application.Staff;

/// <summary>How staff sign in (<c>Portal:SignIn</c>): with the portal's own passwords, with the organisation's OpenID
/// Connect provider (<see cref="Oidc"/>), or both. See docs/decisions/0039-single-sign-on.md.</summary>
public sealed class SignInSettings
{
    public const string Section = "Portal:SignIn";

    /// <summary>Off when every staff member signs in through the provider: the password form, the password change and
    /// new accounts' one-time passwords are gone.</summary>
    public bool LocalPasswords { get; set; } = true;

    public TwoFactorSettings TwoFactor { get; set; } = new();

    public OidcSettings Oidc { get; set; } = new();

    /// <summary>Single sign-on is on when a provider's authority is set.</summary>
    public bool SingleSignOn => !string.IsNullOrWhiteSpace(Oidc.Authority);

    /// <summary>With local passwords off, only a provider lets anyone in.</summary>
    public static bool IsValid(SignInSettings settings) => settings.LocalPasswords || settings.SingleSignOn;

    public sealed class TwoFactorSettings
    {
        public bool RequiredForAdministrators { get; set; } = true;
    }

    public sealed class OidcSettings
    {
        /// <summary>The provider's issuer: for Entra ID the tenant's
        /// (<c>https://login.microsoftonline.com/{tenant}/v2.0</c>, never <c>common</c>), for Google
        /// <c>https://accounts.google.com</c>.</summary>
        public string Authority { get; set; } = "";

        public string ClientId { get; set; } = "";

        public string ClientSecret { get; set; } = "";

        /// <summary>The provider's name on the sign-in button ("Sign in with Microsoft").</summary>
        public string DisplayName { get; set; } = "";

        public string Scopes { get; set; } = "openid profile email";

        /// <summary>The claims that may carry the staff member's address, first found wins.</summary>
        public string[] EmailClaims { get; set; } = [];

        /// <summary>The configured <see cref="EmailClaims"/>, else email, preferred_username, upn (a bound array would
        /// add to a default one rather than replace it).</summary>
        public IReadOnlyList<string> ClaimsForEmail =>
            EmailClaims is { Length: > 0 } ? EmailClaims : DefaultEmailClaims;

        private static readonly string[] DefaultEmailClaims = ["email", "preferred_username", "upn"];

        /// <summary>When not empty, addresses outside these domains are refused even if an account has them.</summary>
        public string[] AllowedEmailDomains { get; set; } = [];

        public bool RequireHttpsMetadata { get; set; } = true;
    }
}
