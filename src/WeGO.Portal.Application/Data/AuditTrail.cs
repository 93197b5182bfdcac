using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Data;

/// <summary>On every save: raises the <see cref="AggregateRoot.Version"/> of each aggregate whose state changed
/// (its own row or a child's), and records who changed what as <see cref="AuditEntry"/> rows, written in the
/// same transaction as the change. Notes which kinds of record changed (<see cref="ChangedData"/>), and announces them
/// itself when the save was not part of a wider transaction.</summary>
public sealed class AuditTrail(ICurrentActor actor, TimeProvider clock, ChangedData changedData)
    : SaveChangesInterceptor
{
    private readonly List<PendingEntry> pending = [];
    private bool writingAudit;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        if (eventData.Context is { } context && Flush(context))
        {
            writingAudit = true;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                writingAudit = false;
            }
        }

        if (!writingAudit && eventData.Context?.Database.CurrentTransaction is null)
        {
            await changedData.AnnounceAsync();
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && Flush(context))
        {
            writingAudit = true;
            try
            {
                context.SaveChanges();
            }
            finally
            {
                writingAudit = false;
            }
        }

        if (!writingAudit && eventData.Context?.Database.CurrentTransaction is null)
        {
            changedData.AnnounceAsync().AsTask().GetAwaiter().GetResult();
        }

        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => pending.Clear();

    public override Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        pending.Clear();
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null || writingAudit)
        {
            return;
        }

        pending.Clear();
        var bumped = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var tracked = context.ChangeTracker.Entries().ToList();

        // Entries() detects changes on every call: index the tracked entities once, by type and id, so finding a
        // child's aggregate stays cheap when one save holds thousands of rows (a roster import).
        var byKey = tracked
            .Where(e => e.Entity is Entity)
            .ToDictionary(e => (e.Metadata, e.Property(nameof(Entity.Id)).CurrentValue!));
        foreach (var entry in tracked)
        {
            // Staff accounts are not audited here (Identity keeps them), but their names appear in kept lists (an
            // inquiry's owner): their changes are noted as a kind of record all the same.
            if (entry is { Entity: StaffUser, State: EntityState.Added or EntityState.Modified or EntityState.Deleted })
            {
                changedData.Note(ChangedData.TagOf(typeof(StaffUser)));
                continue;
            }

            if (
                entry.Entity is not Entity
                || entry.Entity is AuditEntry or OutboxMessage
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
            )
            {
                continue;
            }

            // A root whose only change is the version raised for a child's change: the child's entry tells the story.
            if (
                entry.State == EntityState.Modified
                && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(AggregateRoot.Version))
            )
            {
                continue;
            }

            var root = FindRoot(byKey, entry);
            changedData.Note(ChangedData.TagOf(root?.Metadata.ClrType ?? RootType(entry.Metadata)));
            if (root is { State: not EntityState.Added and not EntityState.Deleted } && bumped.Add(root.Entity))
            {
                var version = root.Property(nameof(AggregateRoot.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }

            pending.Add(new PendingEntry(entry, root ?? entry, entry.State, Describe(entry), StatusChange(entry)));
        }
    }

    private bool Flush(DbContext context)
    {
        if (writingAudit || pending.Count == 0)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in pending)
        {
            var rootId = item.Root.Property(nameof(Entity.Id)).CurrentValue?.ToString() ?? "";
            var type = item.Entry.Metadata.ClrType.Name;
            var rootType = item.Root.Metadata.ClrType.Name;
            var action =
                item.NewStatus is { } status ? status
                : type == rootType ? item.State.ToString()
                : $"{type} {item.State}";
            context.Add(new AuditEntry(now, actor.UserId, actor.Name, rootType, rootId, action, item.Changes));
        }

        pending.Clear();
        return true;
    }

    /// <summary>The aggregate root an entry belongs to, following foreign keys up from a child (agenda item, roster
    /// member...).</summary>
    private static EntityEntry? FindRoot(Dictionary<(IEntityType, object), EntityEntry> byKey, EntityEntry entry)
    {
        if (entry.Entity is AggregateRoot)
        {
            return entry;
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            if (foreignKey.PrincipalEntityType == entry.Metadata || foreignKey.Properties.Count != 1)
            {
                continue;
            }

            var property = foreignKey.Properties[0];
            var value =
                entry.State == EntityState.Deleted ? entry.OriginalValues[property] : entry.CurrentValues[property];
            if (value is not null && byKey.TryGetValue((foreignKey.PrincipalEntityType, value), out var principal))
            {
                return FindRoot(byKey, principal);
            }
        }

        return null;
    }

    /// <summary>The aggregate type a child row belongs to when its root is not loaded (a row added by id).</summary>
    private static Type RootType(IEntityType type)
    {
        if (type.ClrType.IsSubclassOf(typeof(AggregateRoot)))
        {
            return type.ClrType;
        }

        foreach (var foreignKey in type.GetForeignKeys())
        {
            if (foreignKey.PrincipalEntityType != type && foreignKey.IsRequired)
            {
                return RootType(foreignKey.PrincipalEntityType);
            }
        }

        return type.ClrType;
    }

    private static string Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (
                property.Metadata.IsPrimaryKey()
                || property.Metadata.IsForeignKey()
                || property.Metadata.Name == nameof(AggregateRoot.Version)
            )
            {
                continue;
            }

            // A person's data is named, never copied: erasing the record must erase the person everywhere.
            var personal =
                property.Metadata.PropertyInfo?.IsDefined(typeof(PersonalDataAttribute), inherit: false) == true;
            switch (entry.State)
            {
                case EntityState.Added:
                    if (property.CurrentValue is not null)
                    {
                        changes[property.Metadata.Name] = personal ? PersonalDataMask : property.CurrentValue;
                    }

                    break;
                case EntityState.Modified
                    when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = personal
                        ? PersonalDataMask
                        : new[] { property.OriginalValue, property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = personal ? PersonalDataMask : property.OriginalValue;
                    break;
                default:
                    break;
            }
        }

        return JsonSerializer.Serialize(changes, SerializerOptions);
    }

    private const string PersonalDataMask = "(personal data)";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The new value of a changed "Status" or "Stage" (a visit confirmed, a follow-up done, an inquiry
    /// contacted), so the history can say so.</summary>
    private static string? StatusChange(EntityEntry entry) =>
        entry.State == EntityState.Modified
        && (entry.Metadata.FindProperty("Status") ?? entry.Metadata.FindProperty("Stage")) is { } status
        && entry.Property(status.Name).IsModified
            ? $"{status.Name} {entry.Property(status.Name).CurrentValue}"
            : null;

    private sealed record PendingEntry(
        EntityEntry Entry,
        EntityEntry Root,
        EntityState State,
        string Changes,
        string? NewStatus
    );
}
