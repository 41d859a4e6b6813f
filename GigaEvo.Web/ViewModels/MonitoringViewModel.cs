using GigaEvo.Core.Experiments;
using GigaEvo.Web.Health;
using GigaEvo.Web.Logging;

namespace GigaEvo.Web.ViewModels;

/// <summary>The monitoring page: health of each component, queue depths, the recent background-job log, links.</summary>
public sealed class MonitoringViewModel(SystemStatusService status, IRunQueue queue, RecentLogs logs, INotifier<ExperimentEvent> notifier) : ViewModelBase
{
    public const string HangfireDashboardUrl = "/hangfire";
    public const string ApiReferenceUrl = "/scalar";
    public const string OpenApiUrl = "/openapi/v1.json";
    public const int JobLogLines = 200;

    /// <summary>The log categories of background jobs: Hangfire itself, the experiment runs, the job server.</summary>
    public static IReadOnlyList<string> JobLogCategories { get; } = ["Hangfire", "GigaEvo.Core.Experiments", "GigaEvo.Run", "GigaEvo.Web.Infrastructure.Hangfire"];

    public SystemStatus? Status { get; private set; }

    public QueueDepths? Queues { get; private set; }

    public IReadOnlyList<LogLine> JobLog { get; private set; } = [];

    /// <summary>Checks every component (the Python check imports scikit-learn once every few minutes).</summary>
    public async Task LoadAsync()
    {
        if (!IsSubscribed)
        {
            // A status change moves the queue depths; they and the job log are cheap to re-read.
            Track(notifier.Subscribe(async e =>
            {
                if (e is StatusChanged)
                {
                    Queues = queue.Depths();
                    JobLog = logs.Last(JobLogLines, JobLogCategories);
                    await NotifyAsync();
                }
            }));
        }
        await RefreshAsync();
    }

    public async Task RefreshAsync()
    {
        Status = await status.GetAsync();
        Queues = Status.Queues;
        JobLog = logs.Last(JobLogLines, JobLogCategories);
        await NotifyAsync();
    }
}
