using System.Net;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Reading never writes, and nothing is written without the form's antiforgery token.</summary>
public sealed class SafeRequestTests(SecurityPortal fixture) : IClassFixture<SecurityPortal>
{
    public static TheoryData<string> Gets() => PortalEndpoints.Keys(e => e.IsGet);

    public static TheoryData<string> Posts() => PortalEndpoints.Keys(e => e.IsPost);

    /// <summary>Pages whose handlers receive no unnamed POST: a POST there must not run the page without a
    /// handler.</summary>
    public static TheoryData<string> PagesWithoutPost() =>
        PortalEndpoints.Keys(e =>
            e.IsPage
            && e.IsGet
            && e.Handler is null
            && !PortalEndpoints.All.Any(p => p.Page == e.Page && p.IsPost && p.Handler is null)
        );

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task Get_changes_nothing_in_the_database(string endpoint)
    {
        var address = fixture.Address(PortalEndpoints.Find(endpoint));
        await AssertChangesNothingAsync(address, () => fixture.Administrator.GetAsync(address));
    }

    [Theory]
    [InlineData("/Visits/Roster/{visit}?edit={delegate}")]
    [InlineData("/Visits/Roster/{visit}?remove={delegate}")]
    [InlineData("/Visits/Agenda/{visit}?edit={agendaItem}")]
    [InlineData("/Visits/Calendar?view=week&date=2024-10-07")]
    [InlineData("/Visits?Filter.Text=Seremban&Filter.Status=Completed&handler=Csv")]
    [InlineData("/FollowUps/Overdue?p=2")]
    [InlineData("/Account/SignOut")]
    [InlineData("/no/such/page")]
    public async Task Get_with_query_values_changes_nothing_in_the_database(string address) =>
        await AssertChangesNothingAsync(fixture.Fill(address), () =>
            fixture.Administrator.GetAsync(fixture.Fill(address))
        );

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Post_without_an_antiforgery_token_is_rejected_and_changes_nothing(string endpoint)
    {
        var found = PortalEndpoints.Find(endpoint);
        var address = fixture.Address(found);
        var visitors =
            AccessPolicy.Table.GetValueOrDefault(endpoint) == AccessPolicy.Access.Anyone
                ? new[] { fixture.Administrator, fixture[AccessPolicy.Anonymous] }
                : [fixture.Administrator];

        foreach (var visitor in visitors)
        {
            var before = await DatabaseSnapshot.TakeAsync(fixture.Portal);
            using var response = await visitor.PostAsync(address, withToken: false);
            var answer = $"POST {address} without a token as {visitor.Name} answered {(int)response.StatusCode}";
            if (AccessPolicy.WithoutAntiforgery.ContainsKey(endpoint))
            {
                Assert.True(
                    response.StatusCode != HttpStatusCode.BadRequest,
                    $"{answer}; it is listed as taking no token: take it off the list."
                );
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, answer);
            }

            Assert.Empty((await DatabaseSnapshot.TakeAsync(fixture.Portal)).ChangesSince(before));
        }
    }

    [Fact]
    public async Task Post_with_a_token_issued_to_someone_else_is_rejected()
    {
        var anonymousToken = fixture[AccessPolicy.Anonymous].Token;

        using var response = await fixture.Administrator.PostAsync(
            "/Visits/Topics/1",
            [
                new("Input.Version", "0"),
                new("Input.Topic", "Smuggled"),
                new("__RequestVerificationToken", anonymousToken),
            ],
            withToken: false
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PagesWithoutPost))]
    public async Task Post_to_a_page_that_takes_no_post_is_refused_and_changes_nothing(string endpoint)
    {
        var address = fixture.Address(PortalEndpoints.Find(endpoint));
        var before = await DatabaseSnapshot.TakeAsync(fixture.Portal);

        using var response = await fixture.Administrator.PostAsync(address);

        Assert.True(
            response.StatusCode == HttpStatusCode.MethodNotAllowed,
            $"POST {address} answered {(int)response.StatusCode}"
        );
        Assert.Empty((await DatabaseSnapshot.TakeAsync(fixture.Portal)).ChangesSince(before));
    }

    private async Task AssertChangesNothingAsync(string address, Func<Task<HttpResponseMessage>> request)
    {
        var before = await DatabaseSnapshot.TakeAsync(fixture.Portal);

        using var response = await request();

        Assert.False(Visitor.IsRefused(response), $"GET {address} was refused to the administrator");
        Assert.True((int)response.StatusCode < 500, $"GET {address} answered {(int)response.StatusCode}");
        var changes = (await DatabaseSnapshot.TakeAsync(fixture.Portal)).ChangesSince(before);
        Assert.True(changes.Count == 0, $"GET {address} changed the database:\n{string.Join("\n", changes)}");
    }
}
