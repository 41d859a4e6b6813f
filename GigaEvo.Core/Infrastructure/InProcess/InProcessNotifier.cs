using GigaEvo.Core.Experiments;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Infrastructure.InProcess;

/// <summary>Subscribers in this process; a copy-on-write list so publishing never holds a lock.</summary>
public sealed class InProcessNotifier<TEvent>(ILogger<InProcessNotifier<TEvent>> logger) : INotifier<TEvent>
{
    private readonly Lock _lock = new();
    private Subscription[] _subscriptions = [];

    public IDisposable Subscribe(Func<TEvent, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public async Task PublishAsync(TEvent message)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            try
            {
                await subscription.Handler(message);
            }
            catch (Exception e)
            {
                // A broken watcher (a closed page, a dropped SSE client) must not stop the run that publishes.
                logger.LogWarning(e, "A subscriber failed to handle {Event}", message);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    private sealed class Subscription(InProcessNotifier<TEvent> owner, Func<TEvent, Task> handler) : IDisposable
    {
        public Func<TEvent, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
