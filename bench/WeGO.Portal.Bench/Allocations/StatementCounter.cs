using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WeGO.Portal.Bench.Allocations;

/// <summary>Counts the SQL statements EF Core runs in this process, through the diagnostic events it raises for every
/// command executed (no change to the portal's own configuration).</summary>
internal sealed class StatementCounter
    : IObserver<DiagnosticListener>,
        IObserver<KeyValuePair<string, object?>>,
        IDisposable
{
    private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;
    private readonly List<IDisposable> subscriptions = [];
    private long count;

    public StatementCounter() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public long Count => Interlocked.Read(ref count);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == Executed));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == Executed)
        {
            Interlocked.Increment(ref count);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        lock (subscriptions)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            subscriptions.Clear();
        }
    }
}
