using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Data;

/// <summary>On every save: raises the <see cref="AggregateRoot.Version"/> of each aggregate whose state changed
/// (its own row or a child's), and records who changed what as <see cref="AuditEntry"/> rows, written in the
/// same transaction as the change.</summary>
public sealed class AuditTrail(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly List<PendingEntry> pending = [];
    private bool writingAudit;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
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

        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => pending.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
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
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is not Entity || entry.Entity is AuditEntry or OutboxMessage
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            // A root whose only change is the version raised for a child's change: the child's entry tells the story.
            if (entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(AggregateRoot.Version)))
            {
                continue;
            }

            var root = FindRoot(context, entry);
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
            var action = item.NewStatus is { } status ? $"Status {status}"
                : type == rootType ? item.State.ToString()
                : $"{type} {item.State}";
            context.Add(new AuditEntry(now, actor.UserId, actor.Name, rootType, rootId, action, item.Changes));
        }

        pending.Clear();
        return true;
    }

    /// <summary>The aggregate root an entry belongs to, following foreign keys up from a child (agenda item, roster member...).</summary>
    private static EntityEntry? FindRoot(DbContext context, EntityEntry entry)
    {
        if (entry.Entity is AggregateRoot)
        {
            return entry;
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            if (foreignKey.DeclaringEntityType != entry.Metadata || foreignKey.PrincipalEntityType.ClrType == entry.Metadata.ClrType)
            {
                continue;
            }

            var values = foreignKey.Properties
                .Select(p => entry.State == EntityState.Deleted ? entry.OriginalValues[p] : entry.CurrentValues[p])
                .ToArray();
            if (values.Any(v => v is null))
            {
                continue;
            }

            var principal = context.ChangeTracker.Entries()
                .FirstOrDefault(e => e.Metadata == foreignKey.PrincipalEntityType
                    && foreignKey.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(values));
            if (principal is not null)
            {
                return FindRoot(context, principal);
            }
        }

        return null;
    }

    private static string Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsForeignKey() || property.Metadata.Name == nameof(AggregateRoot.Version))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    if (property.CurrentValue is not null)
                    {
                        changes[property.Metadata.Name] = property.CurrentValue;
                    }

                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = new[] { property.OriginalValue, property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = property.OriginalValue;
                    break;
                default:
                    break;
            }
        }

        return JsonSerializer.Serialize(changes, SerializerOptions);
    }

    private static readonly JsonSerializerOptions SerializerOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The new value of a changed "Status" (a visit confirmed, a follow-up done), so the history can say so.</summary>
    private static string? StatusChange(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Metadata.FindProperty("Status") is { } status && entry.Property(status.Name).IsModified
            ? entry.Property(status.Name).CurrentValue?.ToString()
            : null;

    private sealed record PendingEntry(EntityEntry Entry, EntityEntry Root, EntityState State, string Changes, string? NewStatus);
}
