using GigaEvo.Core.Experiments;
using Hangfire;

namespace GigaEvo.Web.Infrastructure.Hangfire;

/// <summary><see cref="IRunQueue"/> on Hangfire's client and monitoring API.</summary>
public sealed class HangfireRunQueue(IBackgroundJobClient client, JobStorage storage) : IRunQueue
{
    public string Enqueue(string experimentId) =>
        client.Enqueue<ExperimentRunJob>(job => job.RunAsync(experimentId, CancellationToken.None));

    public void Remove(string jobId) => client.Delete(jobId);

    public QueueDepths Depths()
    {
        var stats = storage.GetMonitoringApi().GetStatistics();
        return new QueueDepths(stats.Enqueued, stats.Processing, stats.Failed, stats.Succeeded, stats.Servers);
    }
}
