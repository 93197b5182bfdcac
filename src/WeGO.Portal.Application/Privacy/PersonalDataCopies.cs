using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Privacy;

/// <summary>The copies a person's data leaves beside its record: the mails written to or about them, and the values
/// the audit trail recorded (the fields marked <see cref="PersonalDataAttribute"/> are never recorded, but a name on a
/// roster or a contact is). Whoever erases a record erases these with it, in the same unit of work.</summary>
public static class PersonalDataCopies
{
    /// <summary>What an erased value reads in the audit trail.</summary>
    public const string ErasedValue = "(erased)";

    /// <summary>Shorter values are not looked for inside texts: two letters would match half the outbox.</summary>
    public const int ShortestValue = 3;

    /// <summary>How many records one query loads by id: well under every provider's parameter limit.</summary>
    private const int LoadedAtOnce = 500;

    /// <summary>The copies of one erased record (or several): its messages, then its audit values.</summary>
    /// <param name="found">Where the values' copies were found before the unit of work took its write turn, when
    /// they were (<see cref="FoundCopies"/>); only what was written since is then read.</param>
    public static async Task EraseAsync(
        PortalDbContext db,
        IEnumerable<(string EntityType, string EntityId)> records,
        IReadOnlyCollection<string?> values,
        DateTime nowUtc,
        CancellationToken cancellationToken,
        FoundCopies? found = null
    )
    {
        await EraseMessagesAsync(db, values, nowUtc, cancellationToken, found);
        await ScrubAuditAsync(db, records, values, cancellationToken, found);
    }

    /// <summary>A record as the audit trail names it: its type's name and its id.</summary>
    public static (string EntityType, string EntityId) RecordOf(Entity entity) =>
        RecordOf(entity.GetType().Name, entity.Id);

    public static (string EntityType, string EntityId) RecordOf(string entityType, int id) =>
        (entityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Erases every message sent to one of <paramref name="values"/> (an address) or whose body holds one of
    /// them (an address, a name, a telephone number); the number erased.</summary>
    public static async Task<int> EraseMessagesAsync(
        PortalDbContext db,
        IEnumerable<string?> values,
        DateTime nowUtc,
        CancellationToken cancellationToken,
        FoundCopies? found = null
    )
    {
        var wanted = Searchable(values);
        if (wanted.Count == 0)
        {
            return 0;
        }

        var addresses = new HashSet<string>(wanted, StringComparer.OrdinalIgnoreCase);
        // Found before the write turn: only the messages written since are read now.
        var ahead = found is not null && found.Covers(wanted) ? found : null;
        var (ids, _) = await MessagesHoldingAsync(db, wanted, ahead?.MessagesThrough ?? 0, cancellationToken);
        ids.AddRange(ahead?.Messages ?? []);

        var erased = 0;
        foreach (var chunk in ids.Chunk(LoadedAtOnce))
        {
            foreach (
                var message in await db
                    .OutboxMessages.Where(m => chunk.Contains(m.Id) && m.ErasedAtUtc == null)
                    .ToListAsync(cancellationToken)
            )
            {
                // Tracked messages come back as changed in this unit of work, perhaps erased already; one found before
                // the turn was found for values this unit of work may no longer erase.
                if (message.ErasedAtUtc is not null || !Holds(message.To, message.Body, wanted, addresses))
                {
                    continue;
                }

                message.Erase(nowUtc);
                erased++;
            }
        }

        return erased;
    }

    /// <summary>The messages not yet erased, above id <paramref name="above"/>, sent to one of
    /// <paramref name="wanted"/> or naming one in their body, and the highest id read. One pass over the outbox,
    /// whatever the number of values (a retention batch brings hundreds): the texts are read once and searched here for
    /// all of them at once, not once per value with LIKE.</summary>
    internal static async Task<(List<int> Ids, int Through)> MessagesHoldingAsync(
        PortalDbContext db,
        IReadOnlyCollection<string> wanted,
        int above,
        CancellationToken cancellationToken
    )
    {
        var addresses = new HashSet<string>(wanted, StringComparer.OrdinalIgnoreCase);
        var anyValue = SearchValues.Create([.. wanted], StringComparison.OrdinalIgnoreCase);
        var ids = new List<int>();
        var through = above;
        await foreach (
            var message in db
                .OutboxMessages.AsNoTracking()
                .Where(m => m.Id > above && m.ErasedAtUtc == null)
                .Select(m => new
                {
                    m.Id,
                    m.To,
                    m.Body,
                })
                .AsAsyncEnumerable()
                .WithCancellation(cancellationToken)
        )
        {
            through = Math.Max(through, message.Id);
            // The vectorized search first: most bodies hold none of the values.
            if (
                (addresses.Contains(message.To) || message.Body.AsSpan().IndexOfAny(anyValue) >= 0)
                && Holds(message.To, message.Body, wanted, addresses)
            )
            {
                ids.Add(message.Id);
            }
        }

        return (ids, through);
    }

    /// <summary>Whether a message goes to one of the <paramref name="addresses"/> or its body mentions one of the
    /// <paramref name="wanted"/> values as a whole (a hit may sit inside a longer word: "Person 1" in "Person 10").
    /// </summary>
    private static bool Holds(string to, string body, IReadOnlyCollection<string> wanted, HashSet<string> addresses) =>
        addresses.Contains(to) || wanted.Any(v => Mentions(body, v));

    /// <summary>Replaces, in the audit entries of <paramref name="records"/> and in any entry whose recorded values
    /// hold one of <paramref name="values"/>, every recorded value that contains one of them with
    /// <see cref="ErasedValue"/>; the number of entries changed.</summary>
    /// <param name="records">The aggregates whose history may hold the values: (type name, id), as the audit trail
    /// names them ("MembershipInquiry", "42").</param>
    public static async Task<int> ScrubAuditAsync(
        PortalDbContext db,
        IEnumerable<(string EntityType, string EntityId)> records,
        IEnumerable<string?> values,
        CancellationToken cancellationToken,
        FoundCopies? found = null
    )
    {
        var wanted = Searchable(values);
        if (wanted.Count == 0)
        {
            return 0;
        }

        var entries = new Dictionary<int, AuditEntry>();
        foreach (var group in records.Distinct().GroupBy(r => r.EntityType))
        {
            foreach (var ids in group.Select(r => r.EntityId).Chunk(LoadedAtOnce))
            {
                foreach (
                    var entry in await db
                        .AuditEntries.Where(a => a.EntityType == group.Key && ids.Contains(a.EntityId))
                        .ToListAsync(cancellationToken)
                )
                {
                    entries.TryAdd(entry.Id, entry);
                }
            }
        }

        // Found before the write turn: only the entries written since are read now.
        var ahead = found is not null && found.Covers(wanted) ? found : null;
        var (mentioning, _) = await AuditEntriesHoldingAsync(db, wanted, ahead?.AuditThrough ?? 0, cancellationToken);
        mentioning.AddRange(ahead?.AuditEntries ?? []);

        foreach (var chunk in mentioning.Chunk(LoadedAtOnce))
        {
            foreach (var entry in await db.AuditEntries.Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken))
            {
                entries.TryAdd(entry.Id, entry);
            }
        }

        var changed = 0;
        foreach (var entry in entries.Values)
        {
            var scrubbed = Scrub(entry.Changes, wanted);
            if (scrubbed is not null)
            {
                entry.Redact(scrubbed);
                changed++;
            }
        }

        return changed;
    }

    /// <summary>The audit entries above id <paramref name="above"/> whose recorded values may hold one of
    /// <paramref name="wanted"/>, and the highest id read: one pass over the trail for all the values, since any
    /// record's entry may have copied one (a contact's name on another record). The trail writes its JSON with
    /// non-ASCII characters escaped, so each value is looked for as written and as escaped; <see cref="Scrub"/> then
    /// compares the values themselves.</summary>
    internal static async Task<(List<int> Ids, int Through)> AuditEntriesHoldingAsync(
        PortalDbContext db,
        IReadOnlyCollection<string> wanted,
        int above,
        CancellationToken cancellationToken
    )
    {
        var anyValue = SearchValues.Create(
            [.. wanted.SelectMany(v => new[] { v, JsonSerializer.Serialize(v)[1..^1] }).Distinct()],
            StringComparison.OrdinalIgnoreCase
        );
        var ids = new List<int>();
        var through = above;
        await foreach (
            var entry in db
                .AuditEntries.AsNoTracking()
                .Where(a => a.Id > above)
                .Select(a => new { a.Id, a.Changes })
                .AsAsyncEnumerable()
                .WithCancellation(cancellationToken)
        )
        {
            through = Math.Max(through, entry.Id);
            if (entry.Changes.AsSpan().IndexOfAny(anyValue) >= 0)
            {
                ids.Add(entry.Id);
            }
        }

        return (ids, through);
    }

    /// <summary>The recorded values with every string that contains one of <paramref name="values"/> erased; null when
    /// none did.</summary>
    public static string? Scrub(string changes, IReadOnlyCollection<string> values)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(changes);
        }
        catch (JsonException)
        {
            return null;
        }

        return root is not null && ScrubNode(root, values) ? root.ToJsonString() : null;
    }

    private static bool ScrubNode(JsonNode node, IReadOnlyCollection<string> values)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && Holds(value, values))
                    {
                        obj[key] = ErasedValue;
                        changed = true;
                    }
                    else if (child is not null)
                    {
                        changed |= ScrubNode(child, values);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && Holds(value, values))
                    {
                        array[i] = ErasedValue;
                        changed = true;
                    }
                    else if (array[i] is { } child)
                    {
                        changed |= ScrubNode(child, values);
                    }
                }

                break;
            default:
                break;
        }

        return changed;
    }

    private static bool Holds(JsonValue value, IReadOnlyCollection<string> values) =>
        value.TryGetValue<string>(out var text) && values.Any(v => Mentions(text, v));

    /// <summary>Whether <paramref name="text"/> holds <paramref name="value"/> as a whole: not inside a longer name,
    /// number or address ("ana@example.org" is not in "hana@example.org", "Person 1" not in "Person 10"). Only Latin
    /// letters and digits extend a word: Korean writes particles onto a name ("김민지님께"), and there the name counts.
    /// </summary>
    public static bool Mentions(string text, string value)
    {
        var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + value.Length;
            if (
                (at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]))
                && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end]))
            )
            {
                return true;
            }

            at = text.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>The values worth looking for: trimmed, at least <see cref="ShortestValue"/> long, each once.</summary>
    public static List<string> Searchable(IEnumerable<string?> values) =>
        [
            .. values
                .Select(v => v?.Trim())
                .OfType<string>()
                .Where(v => v.Length >= ShortestValue)
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];
}
