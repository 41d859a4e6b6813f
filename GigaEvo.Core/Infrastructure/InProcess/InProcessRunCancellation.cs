using System.Collections.Concurrent;
using GigaEvo.Core.Experiments;

namespace GigaEvo.Core.Infrastructure.InProcess;

/// <summary>The runs of this process.</summary>
public sealed class InProcessRunCancellation : IRunCancellation
{
    private readonly ConcurrentDictionary<string, RunLease> _runs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Running => [.. _runs.Keys];

    public RunLease? TryBegin(string experimentId, CancellationToken jobToken)
    {
        var lease = new RunLease(experimentId, l => _runs.TryRemove(new KeyValuePair<string, RunLease>(l.ExperimentId, l)), jobToken);
        if (_runs.TryAdd(experimentId, lease))
        {
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public bool RequestStop(string experimentId, StopKind kind)
    {
        if (!_runs.TryGetValue(experimentId, out var lease))
        {
            return false;
        }
        lease.RequestStop(kind);
        return true;
    }

    public IReadOnlyList<string> RequestStopAll(StopKind kind)
    {
        var stopped = new List<string>();
        foreach (var lease in _runs.Values)
        {
            lease.RequestStop(kind);
            stopped.Add(lease.ExperimentId);
        }
        return stopped;
    }

    public bool IsRunning(string experimentId) => _runs.ContainsKey(experimentId);

    public async Task<bool> WaitForEndAsync(string experimentId, TimeSpan timeout)
    {
        if (!_runs.TryGetValue(experimentId, out var lease))
        {
            return true;
        }
        return await Task.WhenAny(lease.Ended, Task.Delay(timeout)) == lease.Ended;
    }
}
