using System.Text.Json;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Privacy;

public enum PrivacyRequestKind
{
    /// <summary>The person asked to see what the portal holds about them.</summary>
    Export = 1,

    /// <summary>The person asked for it to be erased.</summary>
    Erasure = 2,
}

/// <summary>The record that a person's request was carried out: when, which kind, and how many records of each store
/// it covered. It never holds who the person was or what was erased: the record outlives the data.</summary>
public sealed class PrivacyRequest : AggregateRoot
{
    public const int CountsMaxLength = 2000;

    private PrivacyRequest() { }

    /// <param name="counts">How many records of each store the request covered ("Inquiries": 2), by store.</param>
    public PrivacyRequest(PrivacyRequestKind kind, IReadOnlyDictionary<string, int> counts, DateTime carriedOutAtUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("PrivacyRequest.KindUnknown");
        }

        Kind = kind;
        Counts = JsonSerializer.Serialize(counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary());
        if (Counts.Length > CountsMaxLength)
        {
            throw new DomainException("PrivacyRequest.KindUnknown");
        }

        CarriedOutAtUtc = carriedOutAtUtc;
    }

    public PrivacyRequestKind Kind { get; private set; }

    /// <summary>JSON: store name to number of records (see <see cref="CountsByStore"/>).</summary>
    public string Counts { get; private set; } = "{}";

    public DateTime CarriedOutAtUtc { get; private set; }

    public IReadOnlyDictionary<string, int> CountsByStore =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(Counts) ?? [];
}
