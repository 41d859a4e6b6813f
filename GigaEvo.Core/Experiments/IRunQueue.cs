namespace GigaEvo.Core.Experiments;

/// <summary>The job queue that runs experiments (Hangfire: in-process storage now, PostgreSQL later).</summary>
public interface IRunQueue
{
    /// <summary>Enqueues a run of the experiment; returns the job id.</summary>
    string Enqueue(string experimentId);

    /// <summary>Removes a job that has not started; a started one ends through <see cref="IRunCancellation"/>.</summary>
    void Remove(string jobId);

    /// <summary>Jobs waiting, running and failed (for the monitoring page).</summary>
    QueueDepths Depths();
}

public sealed record QueueDepths(long Enqueued, long Processing, long Failed, long Succeeded, long Servers);
