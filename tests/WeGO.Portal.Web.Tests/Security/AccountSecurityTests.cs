using System.Net;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Cookies, the password policy and lockout.</summary>
public sealed class AccountSecurityTests(SecurityPortal fixture) : IClassFixture<SecurityPortal>
{
    private const string Password = "Account-Checks-2024";

    [Fact]
    public async Task In_development_the_auth_antiforgery_and_language_cookies_are_http_only_and_same_site()
    {
        var client = PortalClient.For(fixture.Portal);
        var email = await NewStaffAsync();

        using var signIn = await client.PostFormAsync(
            "/Account/SignIn",
            [new("Email", email), new("Password", Password)]
        );
        using var language = await client.SwitchLanguageAsync("es", "/");
        using var page = await PortalClient.For(fixture.Portal).GetAsync("/Account/SignIn");

        AssertCookie(signIn, "wego.auth", "samesite=lax", secure: false);
        AssertCookie(page, "wego.antiforgery", "samesite=strict", secure: false);
        AssertCookie(language, ".AspNetCore.Culture", "samesite=lax", secure: false);
    }

    [Fact]
    public async Task In_production_over_https_every_cookie_is_also_secure()
    {
        using var portal = new PortalFactory { Environment = "Production", SeedDemo = false };
        portal.Settings["https_port"] = "443";
        portal.Start();
        var client = PortalClient.For(portal, https: true);
        var email = $"prod-{Guid.NewGuid():N}@tests.wego";
        await portal.CreateStaffAsync(email, Password, Roles.SecretariatStaff);

        using var page = await PortalClient.For(portal, https: true).GetAsync("/Account/SignIn");
        using var signIn = await client.PostFormAsync(
            "/Account/SignIn",
            [new("Email", email), new("Password", Password)]
        );
        using var language = await client.SwitchLanguageAsync("ko", "/");

        AssertCookie(page, "wego.antiforgery", "samesite=strict", secure: true);
        AssertCookie(signIn, "wego.auth", "samesite=lax", secure: true);
        AssertCookie(language, ".AspNetCore.Culture", "samesite=lax", secure: true);
    }

    [Theory]
    [InlineData("Short-1a")]
    [InlineData("Password1234")]
    [InlineData("Welcome2024!")]
    [InlineData("Qwerty123456")]
    [InlineData("P@ssword-2025")]
    [InlineData("Aa1Aa1Aa1Aa1")]
    public async Task Short_or_common_passwords_are_refused_with_a_reason(string weak)
    {
        var client = PortalClient.For(fixture.Portal, "en");
        await client.SignInAsync(await NewStaffAsync(), Password);

        using var response = await client.PostFormAsync(
            "/Account/ChangePassword",
            [new("CurrentPassword", Password), new("NewPassword", weak), new("ConfirmPassword", weak)]
        );
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(
            page.Contains("at least 12 characters", StringComparison.Ordinal)
                || page.Contains("harder to guess", StringComparison.Ordinal),
            page
        );
    }

    [Fact]
    public async Task Own_e_mail_name_with_numbers_is_refused_in_the_users_language()
    {
        var email = await NewStaffAsync();
        var client = PortalClient.For(fixture.Portal, "ko");
        await client.SignInAsync(email, Password);
        var guessable = char.ToUpperInvariant(email[0]) + email.Split('@')[0][1..] + "-2024";

        using var response = await client.PostFormAsync(
            "/Account/ChangePassword",
            [new("CurrentPassword", Password), new("NewPassword", guessable), new("ConfirmPassword", guessable)]
        );

        Assert.Contains(
            "더 추측하기 어려운 비밀번호",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_long_uncommon_password_is_accepted()
    {
        var client = PortalClient.For(fixture.Portal, "en");
        await client.SignInAsync(await NewStaffAsync(), Password);

        using var response = await client.PostFormAsync(
            "/Account/ChangePassword",
            [
                new("CurrentPassword", Password),
                new("NewPassword", "Harbour-Lights-2031"),
                new("ConfirmPassword", "Harbour-Lights-2031"),
            ]
        );

        Assert.DoesNotContain(
            "invalid-feedback\">T",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "wego.auth",
            string.Join(";", response.Headers.GetValues("Set-Cookie")),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Account_creation_refuses_a_short_password()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Portal.CreateStaffAsync($"short-{Guid.NewGuid():N}@tests.wego", "Short-1a", Roles.SecretariatStaff)
        );

        Assert.Contains("at least 12", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "After five failed attempts sign-in pauses for 15 minutes")]
    [InlineData("es", "Tras cinco intentos fallidos, el acceso se detiene durante 15 minutos")]
    [InlineData("ko", "다섯 번 실패하면 15분 동안 로그인할 수 없습니다.")]
    public async Task After_five_failures_the_right_password_is_refused_as_a_wrong_one_in_the_users_language(
        string language,
        string locked
    )
    {
        var email = await NewStaffAsync();
        var client = PortalClient.For(fixture.Portal, language);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await client.PostFormAsync(
                "/Account/SignIn",
                [new("Email", email), new("Password", "Wrong-Password-" + attempt)]
            );
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var sixth = await client.PostFormAsync(
            "/Account/SignIn",
            [new("Email", email), new("Password", Password)]
        );

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains(locked, await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(
            sixth.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c =>
                    c.StartsWith("wego.auth=", StringComparison.Ordinal)
                    && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)
                )
        );
    }

    private async Task<string> NewStaffAsync()
    {
        var email = $"account-{Guid.NewGuid():N}"[..16] + "@tests.wego";
        await fixture.Portal.CreateStaffAsync(email, Password, Roles.SecretariatStaff);
        return email;
    }

    private static void AssertCookie(HttpResponseMessage response, string name, string sameSite, bool secure)
    {
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var all)
            ? all.SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
        Assert.True(cookie is not null, $"No {name} cookie was set");
        var flags = cookie
            .Split(';', StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(f => f.ToLowerInvariant())
            .ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains(sameSite, flags);
        Assert.Equal(secure, flags.Contains("secure"));
    }
}
