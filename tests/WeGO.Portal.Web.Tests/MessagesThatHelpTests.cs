using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Messages that say what happened and what to do: a refused form token, a missing page, a refused
/// sign-in that tells nobody which addresses have accounts.</summary>
public sealed class MessagesThatHelpTests(MessagesThatHelpTests.Portal portal)
    : IClassFixture<MessagesThatHelpTests.Portal>
{
    private const string Password = "Messages-Password-2026";

    public sealed class Portal : PortalFactory
    {
        public Portal() => Start();

        /// <summary>How many password hashes the portal has checked.</summary>
        public int PasswordChecks => checks;

        private int checks;

        /// <summary>The portal's own hasher, counted.</summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddSingleton<IPasswordHasher<StaffUser>>(provider => new CountedHasher(
                    new PasswordHasher<StaffUser>(provider.GetService<IOptions<PasswordHasherOptions>>()),
                    () => Interlocked.Increment(ref checks)
                ))
            );
        }

        private sealed class CountedHasher(IPasswordHasher<StaffUser> hasher, Action counted)
            : IPasswordHasher<StaffUser>
        {
            public string HashPassword(StaffUser user, string password) => hasher.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashed, string provided)
            {
                counted();
                return hasher.VerifyHashedPassword(user, hashed, provided);
            }
        }
    }

    [Theory]
    [InlineData("en", "This form has expired", "Open the form again")]
    [InlineData("es", "Este formulario ha caducado", "Abrir de nuevo el formulario")]
    [InlineData("ko", "양식이 만료되었습니다", "양식 다시 열기")]
    public async Task A_form_posted_with_another_session_s_token_says_it_expired_and_how_to_send_it_again(
        string language,
        string title,
        string again
    )
    {
        var visitor = PortalClient.For(portal, language);
        var other = PortalClient.For(portal, language);
        await visitor.GetPageAsync("/Membership/Join");
        var othersToken = PortalClient.AntiforgeryToken(await other.GetPageAsync("/Membership/Join"))!;
        using var content = new FormUrlEncodedContent([
            new("__RequestVerificationToken", othersToken),
            new("Input.OrganizationName", "Ciudad Muestra"),
        ]);

        using var response = await visitor.Http.PostAsync(new Uri("/Membership/Join", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(title, page.Title, StringComparison.Ordinal);
        Assert.NotNull(page.GetElementById("form-expired"));
        var link = page.GetElementById("form-again")!;
        Assert.Equal(again, link.TextContent.Trim());
        Assert.Equal("/Membership/Join", link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_form_posted_without_any_token_says_the_same()
    {
        var visitor = PortalClient.For(portal);
        using var content = new FormUrlEncodedContent([new("Input.OrganizationName", "Ciudad Muestra")]);

        using var response = await visitor.Http.PostAsync(new Uri("/Membership/Join", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Page not found")]
    [InlineData("es", "Página no encontrada")]
    public async Task A_missing_page_s_title_says_what_the_page_says(string language, string title)
    {
        using var response = await PortalClient.For(portal, language).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(title, page.Title, StringComparison.Ordinal);
    }

    /// <summary>The same words, and the same work: each refusal checks one password hash, so an unknown or locked
    /// address does not answer faster than a known one with a wrong password.</summary>
    [Fact]
    public async Task Locked_disabled_unknown_and_wrong_password_sign_ins_get_one_answer()
    {
        var locked = $"locked-{Guid.NewGuid():N}@tests.wego";
        var disabled = $"disabled-{Guid.NewGuid():N}@tests.wego";
        var known = $"known-{Guid.NewGuid():N}@tests.wego";
        await portal.CreateStaffAsync(locked, Password, Roles.SecretariatStaff);
        var id = await portal.CreateStaffAsync(disabled, Password, Roles.SecretariatStaff);
        await portal.CreateStaffAsync(known, Password, Roles.SecretariatStaff);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await SignInAsync(locked, "Wrong-Password-" + attempt)).Dispose();
        }

        var admin = PortalClient.For(portal);
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        using (var off = await admin.PostFormAsync($"/Staff/Edit/{id}", [], $"/Staff/Edit/{id}?handler=Disable"))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        var answers = new List<string>();
        var checks = new List<int>();
        foreach (
            var (email, password) in new[]
            {
                (locked, Password),
                (disabled, Password),
                ($"nobody-{Guid.NewGuid():N}@tests.wego", Password),
                (known, "Wrong-Password-0"),
            }
        )
        {
            var before = portal.PasswordChecks;
            using var response = await SignInAsync(email, password);
            checks.Add(portal.PasswordChecks - before);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            answers.Add(page.QuerySelector("[role=alert]")!.TextContent.Trim());
        }

        Assert.Single(answers.Distinct());
        Assert.Equal([1, 1, 1, 1], checks);
        Assert.StartsWith("The email or password is not right.", answers[0], StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PortalClient.For(portal).PostFormAsync("/Account/SignIn", [new("Email", email), new("Password", password)]);
}
