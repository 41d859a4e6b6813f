namespace GigaEvo.Core.Experiments;

/// <summary>
/// Live events, in-process now (Redis pub/sub in the distributed deployment). Subscribers are called in
/// order of publication; one failing subscriber is logged and does not stop the others.
/// </summary>
public interface INotifier<TEvent>
{
    IDisposable Subscribe(Func<TEvent, Task> handler);

    Task PublishAsync(TEvent message);
}

/// <summary>The runner registry changed (heartbeat, health check, start or stop).</summary>
public sealed record RunnersChanged(DateTimeOffset At);
