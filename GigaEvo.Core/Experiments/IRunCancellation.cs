namespace GigaEvo.Core.Experiments;

/// <summary>Why a run was asked to stop.</summary>
public enum StopKind
{
    /// <summary>The user pressed Stop: the experiment ends CANCELLED.</summary>
    User,
    /// <summary>The runner is stopping: the experiment goes back to QUEUED and resumes later.</summary>
    Requeue,
}

/// <summary>
/// Stop signals for running experiments, keyed by experiment id (in-process now; Redis in the distributed
/// deployment). A run holds a <see cref="RunLease"/> while it runs; a second run of the same experiment
/// in the same process is refused, which makes a duplicated job harmless.
/// </summary>
public interface IRunCancellation
{
    /// <summary>Starts tracking a run; null when this experiment already runs here.</summary>
    RunLease? TryBegin(string experimentId, CancellationToken jobToken);

    /// <summary>Cancels the run's token; false when the experiment does not run here.</summary>
    bool RequestStop(string experimentId, StopKind kind);

    /// <summary>Stops every run here; returns their experiment ids.</summary>
    IReadOnlyList<string> RequestStopAll(StopKind kind);

    IReadOnlyCollection<string> Running { get; }

    bool IsRunning(string experimentId);

    /// <summary>True when the run ended (or was not running) within <paramref name="timeout"/>.</summary>
    Task<bool> WaitForEndAsync(string experimentId, TimeSpan timeout);
}

/// <summary>One tracked run: its token (cancelled on stop or when the job's own token is) and why it stopped.</summary>
public sealed class RunLease(string experimentId, Action<RunLease> onEnd, CancellationToken jobToken) : IDisposable
{
    private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopKind = -1;

    public string ExperimentId { get; } = experimentId;

    public CancellationToken Token => _cts.Token;

    /// <summary>Null when nobody asked (a job token cancelled by the host shutting down, for instance).</summary>
    public StopKind? StopRequested => _stopKind < 0 ? null : (StopKind)_stopKind;

    public Task Ended => _ended.Task;

    public void RequestStop(StopKind kind)
    {
        Interlocked.CompareExchange(ref _stopKind, (int)kind, -1);
        _cts.Cancel();
    }

    public void Dispose()
    {
        onEnd(this);
        _ended.TrySetResult();
        _cts.Dispose();
    }
}
