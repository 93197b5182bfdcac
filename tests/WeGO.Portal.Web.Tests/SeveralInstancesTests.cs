using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Two portal instances behind a load balancer: each with its own data folder, sharing only the database
/// (its data protection keys included). A browser's cookies must work whichever instance answers, and a session ended
/// on one is ended on both. Each test runs on SQLite and on PostgreSQL (docs/decisions/0038).</summary>
public sealed partial class SeveralInstancesTests : IDisposable
{
    private const string Password = "Colleague-Password-2024";
    private static readonly Uri Address = new("http://localhost");

    private readonly List<PortalFactory> portals = [];

    public void Dispose()
    {
        // The second instance first: it holds connections to the first's database.
        foreach (var portal in Enumerable.Reverse(portals))
        {
            portal.Dispose();
        }
    }

    [Fact]
    public Task A_sign_in_and_an_antiforgery_token_from_one_instance_are_accepted_by_another_on_sqlite() =>
        SignInAndAntiforgeryTokenCrossInstancesAsync(TestDatabase.Sqlite);

    [PostgreSqlFact]
    public Task A_sign_in_and_an_antiforgery_token_from_one_instance_are_accepted_by_another_on_postgresql() =>
        SignInAndAntiforgeryTokenCrossInstancesAsync(TestDatabase.PostgreSql);

    [Fact]
    public Task A_session_ended_on_one_instance_is_refused_by_another_on_sqlite() =>
        SessionEndedOnOneIsRefusedByTheOtherAsync(TestDatabase.Sqlite);

    [PostgreSqlFact]
    public Task A_session_ended_on_one_instance_is_refused_by_another_on_postgresql() =>
        SessionEndedOnOneIsRefusedByTheOtherAsync(TestDatabase.PostgreSql);

    [Fact]
    public Task Editors_on_two_instances_the_second_is_told_what_changed_on_sqlite() =>
        EditorsOnTwoInstancesAsync(TestDatabase.Sqlite);

    [PostgreSqlFact]
    public Task Editors_on_two_instances_the_second_is_told_what_changed_on_postgresql() =>
        EditorsOnTwoInstancesAsync(TestDatabase.PostgreSql);

    [Fact]
    public Task An_instance_on_another_database_does_not_accept_the_cookie_on_sqlite() =>
        AnotherDatabaseRefusesTheCookieAsync(TestDatabase.Sqlite);

    [PostgreSqlFact]
    public Task An_instance_on_another_database_does_not_accept_the_cookie_on_postgresql() =>
        AnotherDatabaseRefusesTheCookieAsync(TestDatabase.PostgreSql);

    [Fact]
    public void Keys_from_the_old_keys_folder_are_copied_into_the_database_so_existing_cookies_stay_valid()
    {
        using var upgraded = new PortalFactory { SeedDemo = false };
        var oldKeys = DataProtectionProvider.Create(
            new DirectoryInfo(Path.Combine(upgraded.DataDirectory, "keys")),
            options => options.SetApplicationName("WeGO.Portal")
        );
        var protectedBefore = oldKeys.CreateProtector("calendar-feed").Protect("signed in before the upgrade");

        upgraded.Start();

        var protector = upgraded
            .Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("calendar-feed");
        Assert.Equal("signed in before the upgrade", protector.Unprotect(protectedBefore));
    }

    private async Task SignInAndAntiforgeryTokenCrossInstancesAsync(TestDatabase database)
    {
        var (first, second) = TwoInstances(database);
        await first.CreateStaffAsync("mina@we-gov.org", Password, Roles.SecretariatStaff);
        var cookies = new CookieContainer();
        var viaFirst = Browser(first, cookies);
        var viaSecond = Browser(second, cookies);

        await viaFirst.SignInAsync("mina@we-gov.org", Password);
        using (var visits = await viaSecond.GetAsync("/Visits"))
        {
            Assert.Equal(HttpStatusCode.OK, visits.StatusCode);
        }

        var token = PortalClient.AntiforgeryToken(await viaFirst.GetPageAsync("/Visits"));
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]);
        using var signOut = await viaSecond.Http.PostAsync(new Uri("/Account/SignOut", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        AssertSentToSignIn(await viaFirst.GetAsync("/Visits"));
    }

    /// <summary>The colleague works in two browsers; from the one on the first instance they end the other's session,
    /// which the second instance (asking the database at every request: RecheckSeconds=0) then refuses.</summary>
    private async Task SessionEndedOnOneIsRefusedByTheOtherAsync(TestDatabase database)
    {
        var (first, second) = TwoInstances(database, ("Portal:Sessions:RecheckSeconds", "0"));
        await first.CreateStaffAsync("mina@we-gov.org", Password, Roles.SecretariatStaff);
        var laptop = Browser(first, new CookieContainer());
        var phone = Browser(second, new CookieContainer());
        await laptop.SignInAsync("mina@we-gov.org", Password);
        await phone.SignInAsync("mina@we-gov.org", Password);
        using (var before = await phone.GetAsync("/Visits"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var sessionsPage = await laptop.GetPageAsync("/Account/Sessions");
        var phoneSession = Assert.Single(OtherSession().Matches(sessionsPage)).Groups[1].Value;
        using var ended = await laptop.PostFormAsync(
            "/Account/Sessions",
            [new("sessionId", phoneSession)],
            "/Account/Sessions?handler=End"
        );
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        AssertSentToSignIn(await phone.GetAsync("/Visits"));
        using var laptopStill = await laptop.GetAsync("/Visits");
        Assert.Equal(HttpStatusCode.OK, laptopStill.StatusCode);
    }

    private Task EditorsOnTwoInstancesAsync(TestDatabase database)
    {
        var (first, second) = TwoInstances(database);
        return VisitPagesTests.SecondOfTwoEditorsIsToldWhatChangedAsync(first, second);
    }

    private async Task AnotherDatabaseRefusesTheCookieAsync(TestDatabase database)
    {
        var (first, _) = TwoInstances(database);
        var stranger = Portal(database);
        stranger.Start();
        var cookies = new CookieContainer();
        await first.CreateStaffAsync("mina@we-gov.org", Password, Roles.SecretariatStaff);
        await Browser(first, cookies).SignInAsync("mina@we-gov.org", Password);

        AssertSentToSignIn(await Browser(stranger, cookies).GetAsync("/Visits"));
    }

    /// <summary>Two started instances, each with its own data folder, the second on the first's database.</summary>
    private (PortalFactory First, PortalFactory Second) TwoInstances(
        TestDatabase database,
        params (string Key, string Value)[] settings
    )
    {
        var first = Portal(database, settings).Start();
        var second = Portal(database, settings);
        second.Settings["ConnectionStrings:Portal"] = first.DatabaseConnectionString;
        return (first, second.Start());
    }

    private PortalFactory Portal(TestDatabase database, params (string Key, string Value)[] settings)
    {
        var portal = new PortalFactory { SeedDemo = false, Database = database };
        foreach (var (key, value) in settings)
        {
            portal.Settings[key] = value;
        }

        portals.Add(portal);
        return portal;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    /// <summary>One browser: the same cookie jar whichever instance the balancer sends it to.</summary>
    private static PortalClient Browser(PortalFactory instance, CookieContainer cookies) =>
        new(instance.CreateDefaultClient(Address, new CookieContainerHandler(cookies)));

    /// <summary>The session rows with an "End" button: every session of the user but the one asking.</summary>
    [GeneratedRegex("name=\"sessionId\" value=\"([^\"]+)\"")]
    private static partial Regex OtherSession();
}
