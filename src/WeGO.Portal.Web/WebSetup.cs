using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Serilog;
using WeGO.Portal.Application;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Calendar;
using WeGO.Portal.Web.Forms;
using WeGO.Portal.Web.Identity;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web;

internal static class WebSetup
{
    public static readonly string[] Languages = ["en", "es", "ko"];

    public static class Policies
    {
        public const string Administration = nameof(RoleGroup.Administration);
        public const string ReadVisits = nameof(RoleGroup.ReadVisits);
        public const string EditVisits = nameof(RoleGroup.EditVisits);
        public const string ReadInquiries = nameof(RoleGroup.ReadInquiries);
        public const string EditInquiries = nameof(RoleGroup.EditInquiries);

        /// <summary>Approve visit reports or send them back: program directors and administrators.</summary>
        public const string ReviewReports = nameof(RoleGroup.ReviewReports);
    }

    /// <summary>The web side of the portal, step by step: who is asking, in which language, how staff sign in, which
    /// roles each policy holds, the pages, and binding messages in the reader's language.</summary>
    public static void AddPortalWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AddViewer(services);
        AddLanguages(services);
        AddStaffSignIn(services, builder.Environment);
        AddRolePolicies(services);
        AddPages(services);
        AddLocalizedBindingMessages(services);
    }

    /// <summary>Who the request is from (<see cref="ICurrentActor"/>) and the time zone they read times in.</summary>
    private static void AddViewer(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, CurrentUserActor>();
        services.AddScoped<ViewerTime>();
        services.AddSingleton<KeptLinks>();
        services.AddScoped<Pages.FollowUps.FollowUpButtons>();
    }

    /// <summary>
    /// English, Spanish and Korean, chosen by the language cookie, then the browser's Accept-Language.
    /// </summary>
    private static void AddLanguages(IServiceCollection services)
    {
        // Korean and Spanish text goes out as characters, not numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
                System.Text.Unicode.UnicodeRanges.All
            )
        );
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(
            ServiceDescriptor.Singleton<IStringLocalizerFactory>(services => new KeptTexts(
                services.GetRequiredService<ResourceManagerStringLocalizerFactory>()
            ))
        );
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Formatting with the portal's date and time patterns (decision 0034), texts from the language's resx.
            options.SupportedCultures = [.. Languages.Select(Dates.Culture)];
            options.AddSupportedUICultures(Languages);
            options.DefaultRequestCulture = new RequestCulture(
                Dates.Culture(Languages[0]),
                new CultureInfo(Languages[0])
            );
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    /// <summary>Identity with the portal's password rules, a sign-in cookie tied to a server-side session
    /// (<see cref="SessionCookie"/>), the organisation's provider when one is configured (<see cref="SingleSignOn"/>),
    /// antiforgery, and data-protection keys every instance shares.</summary>
    private static void AddStaffSignIn(IServiceCollection services, IWebHostEnvironment environment)
    {
        services
            .AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaims>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswords>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "wego.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = StaffSession.IdleLifetime;
            options.SlidingExpiration = true;
            options.EventsType = typeof(SessionCookie);
        });
        services.AddSingleton<SessionCookie>();
        services.AddSingleSignOn(environment);
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.OnRefreshingPrincipal = SessionCookie.KeepSession
        );
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "wego.antiforgery";
            options.Cookie.SecurePolicy = environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });
        // Keys live in the database, so every instance behind a load balancer reads the others' cookies and tokens.
        services.AddDataProtection().SetApplicationName("WeGO.Portal").PersistKeysToDbContext<PortalDbContext>();
    }

    private static void AddRolePolicies(IServiceCollection services)
    {
        // One policy per role group, holding the roles the use cases' declarations name (UseCaseAccess.RolesIn).
        var authorization = services.AddAuthorizationBuilder();
        foreach (var group in Enum.GetValues<RoleGroup>())
        {
            authorization.AddPolicy(group.ToString(), policy => policy.RequireRole(UseCaseAccess.RolesIn(group)));
        }
    }

    /// <summary>Razor Pages: closed to anonymous users unless a page is listed here, each staff folder behind its
    /// policy, and the filters every page runs (use-case rejections into ModelState, the password-change and two-factor
    /// gates, 405 for a method no handler takes).</summary>
    private static void AddPages(IServiceCollection services)
    {
        services.AddScoped<UseCaseRejections>();
        services.AddScoped<CalendarFeedTokens>();
        services.AddOptions<TwoFactorSettings>().BindConfiguration(TwoFactorSettings.Section);
        services.AddSingleton<TwoFactorGate>();
        services.AddPublicFormRateLimit();
        services.AddPublicPageCache();
        services
            .AddRazorPages(options =>
            {
                // Every page needs a signed-in user unless it is listed as anonymous below, so a new page cannot be
                // forgotten; unknown addresses still get the friendly 404 rather than a sign-in prompt.
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AuthorizeFolder("/Staff", Policies.Administration);
                options.Conventions.AuthorizeFolder("/Privacy/Requests", Policies.Administration);
                options.Conventions.AuthorizeFolder("/Visits", Policies.ReadVisits);
                options.Conventions.AuthorizeFolder("/FollowUps", Policies.ReadVisits);
                options.Conventions.AuthorizeFolder("/VisitRequests", Policies.ReadVisits);
                options.Conventions.AuthorizePage("/VisitRequests/Accept", Policies.EditVisits);
                options.Conventions.AuthorizeFolder("/Membership/Inquiries", Policies.ReadInquiries);
                options.Conventions.AuthorizeFolder("/Membership/Applications", Policies.ReadInquiries);
                options.Conventions.AuthorizeFolder("/Membership/Committee", Policies.ReadInquiries);
                options.Conventions.AuthorizeFolder("/Membership/Members", Policies.ReadInquiries);
                options.Conventions.AuthorizeFolder("/Reports", Policies.ReadVisits);
                options.Conventions.AuthorizeFolder("/News", Policies.ReadVisits);
                options.Conventions.AuthorizeFolder("/Dashboard", Policies.ReadVisits);
                options.Conventions.AllowAnonymousToPage("/Index");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Culture");
                options.Conventions.AllowAnonymousToPage("/Account/SignIn");
                // The second step of a sign-in: Identity's own two-factor cookie says who is signing in.
                options.Conventions.AllowAnonymousToPage("/Account/SignInTwoFactor");
                options.Conventions.AllowAnonymousToPage("/Account/SignInRecovery");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                // The public side of Membership: the inquiry form, its confirmation and the private status link.
                // Page by page, never the folder, so the staff's /Membership/Inquiries stays closed.
                options.Conventions.AllowAnonymousToPage("/Membership/Join");
                options.Conventions.AllowAnonymousToPage("/Membership/Sent");
                options.Conventions.AllowAnonymousToPage("/Membership/Status");
                options.Conventions.AllowAnonymousToPage("/Membership/Directory");
                // The delegation's own page, at the private link its contact received with the programme.
                options.Conventions.AllowAnonymousToPage("/Delegation/Index");
                // The public side of visit requests, page by page as well: the staff's queue stays closed.
                options.Conventions.AllowAnonymousToPage("/VisitRequests/Ask");
                options.Conventions.AllowAnonymousToPage("/VisitRequests/Sent");
                options.Conventions.AllowAnonymousToPage("/VisitRequests/Status");
                options.Conventions.AllowAnonymousToPage("/Privacy");
                options.Conventions.AllowAnonymousToPage("/News/Index");
                options.Conventions.AllowAnonymousToPage("/News/Release");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new ServiceFilterAttribute(typeof(UseCaseRejections)));
                options.Filters.Add(new PasswordChangeGate());
                options.Filters.AddService<TwoFactorGate>();
                options.Filters.Add(new MethodNotHandled());
                options.Filters.Add(new ExpiredForm());

                // The address names the record a post changes: a form field called "id" must not outvote the route's
                // {id}.
                var routeValues = options
                    .ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>()
                    .Single();
                options.ValueProviderFactories.Remove(routeValues);
                options.ValueProviderFactories.Insert(0, routeValues);

                // Validators say what is required, in the user's language; MVC's implicit [Required] on non-nullable
                // strings would put its own English sentence first when a form field is left empty.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(UiText))
            );
    }

    /// <summary>Model binding's own messages (a missing value, a number expected) in the reader's language.</summary>
    private static void AddLocalizedBindingMessages(IServiceCollection services) =>
        services
            .AddOptions<MvcOptions>()
            .Configure<IStringLocalizerFactory>(
                (options, factory) =>
                {
                    var text = factory.Create(typeof(UiText));
                    var binding = options.ModelBindingMessageProvider;
                    binding.SetValueMustNotBeNullAccessor(_ => text["Binding.Required"]);
                    binding.SetMissingBindRequiredValueAccessor(_ => text["Binding.Required"]);
                    binding.SetAttemptedValueIsInvalidAccessor((value, _) => text["Binding.Invalid", value]);
                    binding.SetUnknownValueIsInvalidAccessor(_ => text["Binding.InvalidValue"]);
                    binding.SetValueIsInvalidAccessor(value => text["Binding.Invalid", value]);
                    binding.SetValueMustBeANumberAccessor(_ => text["Binding.Number"]);
                    binding.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binding.Invalid", value]);
                    binding.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.InvalidValue"]);
                    binding.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
                    binding.SetMissingKeyOrValueAccessor(() => text["Binding.Required"]);
                    binding.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.Required"]);
                }
            );

    /// <summary>What every request goes through, in order, then the addresses the portal answers.</summary>
    public static void UsePortalPipeline(this WebApplication app)
    {
        NameValidatedFieldsInTheReadersLanguage(app.Services);
        UseMiddleware(app);
        MapEndpoints(app);
    }

    private static void NameValidatedFieldsInTheReadersLanguage(IServiceProvider services)
    {
        // Validators name fields in the user's language ("Field.Email" in Messages.resx), and FluentValidation's
        // own sentences follow the request culture.
        var messages = services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(Messages));
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null
            : messages["Field." + member.Name] is { ResourceNotFound: false } name ? name.Value
            : member.Name;
    }

    private static void UseMiddleware(WebApplication app)
    {
        app.UseMiddleware<CorrelationId>();
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one another host in the same process may have replaced.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            var slow = app.Configuration.GetValue(
                "Portal:Logging:SlowRequestMilliseconds",
                Logging.DefaultSlowRequestMilliseconds
            );
            options.GetLevel = (http, elapsed, exception) => Logging.RequestLevel(http, elapsed, exception, slow);
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set(
                    "UserId",
                    http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous"
                );
            };
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After the language and the user are known: public pages are cached per language, never for a signed-in user.
        app.UseOutputCache();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(
                "/health/ready",
                new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }
            )
            .AllowAnonymous();
        app.MapCalendarFeed();
        app.MapOldAddresses();
        app.MapRazorPages();
    }
}
