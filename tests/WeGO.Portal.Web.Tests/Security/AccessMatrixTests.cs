using System.Net;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Every page handler and endpoint of the running portal, tried as an anonymous visitor and as each staff
/// role, against <see cref="AccessPolicy.Table"/>.</summary>
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
            Assert.True(
                Visitor.IsRefused(response)
                    && !(
                        response.Headers.Location?.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal)
                        ?? false
                    ),
                $"{answer}: expected access denied."
            );
        }
    }
}
