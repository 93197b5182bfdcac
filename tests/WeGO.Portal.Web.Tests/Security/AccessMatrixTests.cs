using System.Net;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>The first door: every page handler and endpoint of the running portal, tried as an anonymous visitor and as
/// each staff role, against <see cref="AccessPolicy.Table"/>. A visitor the table allows must not meet a use case that
/// refuses them; one it refuses must be refused by the page itself. The second door is
/// <see cref="UseCaseAccessTests"/>.</summary>
public sealed class AccessMatrixTests(SecurityPortal fixture) : IClassFixture<SecurityPortal>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var keys = PortalEndpoints.All.Select(e => e.Key).Union(AccessPolicy.Table.Keys).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            foreach (var visitor in AccessPolicy.Visitors)
            {
                data.Add(key, visitor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_is_allowed_or_refused_as_the_policy_table_says(string endpoint, string visitor)
    {
        Assert.True(
            AccessPolicy.Table.TryGetValue(endpoint, out var access),
            $"{endpoint} is not in {nameof(AccessPolicy)}.{nameof(AccessPolicy.Table)}: "
                + "add a row saying who may use it."
        );
        var found = PortalEndpoints.All.SingleOrDefault(e => e.Key == endpoint);
        Assert.True(
            found is not null,
            $"{nameof(AccessPolicy)}.{nameof(AccessPolicy.Table)} has a row for {endpoint}, "
                + "which the portal no longer has: remove the row."
        );
        var address = fixture.Address(found);
        var who = AccessPolicy.EndTheSession.Contains(endpoint)
            ? await fixture.SignedInForOneRequestAsync(visitor)
            : fixture[visitor];

        using var response = found.IsPost ? await who.PostAsync(address) : await who.GetAsync(address);

        var answer =
            $"{found.Method} {address} as {visitor} answered {(int)response.StatusCode} {response.Headers.Location}";
        if (AccessPolicy.Allows(access, visitor))
        {
            Assert.False(Visitor.IsRefused(response), $"{answer}, but {access} allows it.");
            Assert.True((int)response.StatusCode < 500, answer);
        }
        else if (visitor == AccessPolicy.Anonymous)
        {
            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal),
                $"{answer}: expected the sign-in page."
            );
        }
        else
        {
            // The page's own policy refuses (a redirect to access denied); the plain 403 of a use case's declaration
            // alone means the page has lost its policy, and a page that sends no use case would then be open.
            Assert.True(
                response.StatusCode != HttpStatusCode.Forbidden,
                $"{answer}: refused only by the use case it sends; the page's policy should refuse it first."
            );
            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.OriginalString.Contains(
                        "/Account/AccessDenied",
                        StringComparison.Ordinal
                    ),
                $"{answer}: expected access denied."
            );
        }
    }
}
