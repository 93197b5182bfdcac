using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Identity;

/// <summary>Sign-in through the organisation's OpenID Connect provider (authorization code with PKCE), on when
/// <c>Portal:SignIn:Oidc:Authority</c> is set; and, when <c>Portal:SignIn:LocalPasswords</c> is false, no password
/// form. The provider only says who someone is: the account must exist (an administrator added it at /Staff) and its
/// roles are the portal's. See docs/decisions/0039-single-sign-on.md.</summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    public const string CallbackPath = "/signin-oidc";

    /// <summary>Whether this sign-in came through the organisation's provider: Identity marks an external sign-in with
    /// <see cref="ClaimTypes.AuthenticationMethod"/> (kept across a security-stamp refresh by
    /// <see cref="SessionCookie.KeepSession"/>); a password sign-in carries none. Such a sign-in used no portal
    /// password and had its second factor at the provider.</summary>
    public static bool CameThroughProvider(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod);

    /// <summary>Registered from the settings when they are read, not when the services are listed, so a test host's
    /// settings count as much as appsettings.json's.</summary>
    public static void AddSingleSignOn(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services
            .AddOptions<SignInSettings>()
            .BindConfiguration(SignInSettings.Section)
            .Validate(
                SignInSettings.IsValid,
                "Portal:SignIn:LocalPasswords is false but Portal:SignIn:Oidc:Authority is empty: nobody could sign in"
            )
            .ValidateOnStart();

        // What AddOpenIdConnect registers, except the scheme itself, which exists only when a provider is configured.
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<
                IPostConfigureOptions<OpenIdConnectOptions>,
                OpenIdConnectPostConfigureOptions
            >()
        );
        services.AddTransient<OpenIdConnectHandler>();
        services
            .AddOptions<AuthenticationOptions>()
            .Configure<IOptions<SignInSettings>>(
                (authentication, settings) =>
                {
                    if (settings.Value.SingleSignOn)
                    {
                        authentication.AddScheme(Scheme, scheme =>
                        {
                            scheme.HandlerType = typeof(OpenIdConnectHandler);
                            scheme.DisplayName = settings.Value.Oidc.DisplayName;
                        });
                    }
                }
            );
        services
            .AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<SignInSettings>>((options, settings) => Configure(options, settings.Value, environment))
            .Validate(options =>
            {
                options.Validate(Scheme);
                return true;
            });

        services.Configure<MvcOptions>(options => options.Filters.Add(new SignInPageRules()));
    }

    private static void Configure(
        OpenIdConnectOptions options,
        SignInSettings settings,
        IWebHostEnvironment environment
    )
    {
        var oidc = settings.Oidc;
        options.Authority = oidc.Authority.Trim();
        options.ClientId = oidc.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.CallbackPath = CallbackPath;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        foreach (var scope in oidc.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            options.Scope.Add(scope);
        }

        // The correlation and nonce cookies would be SameSite=None and Secure, and lost on plain http in development
        // (aspnetcore #44853). The provider comes back with a top-level GET (response_mode=query), which Lax allows.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = secure;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = secure;

        options.Events.OnRemoteFailure = context =>
        {
            // The failure's kind only: its message may quote the token, and the token holds the address.
            context
                .HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(SingleSignOn))
                .LogWarning("Single sign-on refused by the portal: {Failure}", context.Failure?.GetType().Name);
            context.Response.Redirect("/Account/SignIn?sso=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>The sign-in page's rules: with local passwords off, the password form's post, the password change and
    /// the two-factor pages answer 404; with a provider, the page's content security policy lets its button's post be
    /// redirected to the provider (form-action governs the redirects after a form's post too, so 'self' alone would
    /// stop it).</summary>
    private sealed class SignInPageRules : IAsyncPageFilter
    {
        private const string SignInPage = "/Account/SignIn";

        /// <summary>Pages about the portal's own password and its second factor, which nobody can use when everyone
        /// signs in through the provider.</summary>
        private static readonly HashSet<string> PasswordOnlyPages = new(StringComparer.OrdinalIgnoreCase)
        {
            "/Account/ChangePassword",
            "/Account/TwoFactor",
            "/Account/SignInTwoFactor",
            "/Account/SignInRecovery",
        };

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(
            PageHandlerExecutingContext context,
            PageHandlerExecutionDelegate next
        )
        {
            var http = context.HttpContext;
            var page = context.ActionDescriptor.ViewEnginePath;
            var settings = http.RequestServices.GetRequiredService<IOptions<SignInSettings>>().Value;
            var isPasswordPost =
                HttpMethods.IsPost(http.Request.Method) && page.Equals(SignInPage, StringComparison.OrdinalIgnoreCase);
            if ((isPasswordPost || PasswordOnlyPages.Contains(page)) && !settings.LocalPasswords)
            {
                context.Result = new NotFoundResult();
                return;
            }

            if (settings.SingleSignOn && page.Equals(SignInPage, StringComparison.OrdinalIgnoreCase))
            {
                var provider = new Uri(settings.Oidc.Authority.Trim()).GetLeftPart(UriPartial.Authority);
                http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy.Replace(
                    "form-action 'self'",
                    "form-action 'self' " + provider,
                    StringComparison.Ordinal
                );
            }

            await next();
        }
    }
}
