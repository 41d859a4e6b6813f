using GigaEvo.Core.Experiments;
using Hangfire;

namespace GigaEvo.Web.Infrastructure.Hangfire;

/// <summary>
/// The Hangfire job of one experiment run: a plain DI class taking the experiment id; Hangfire supplies the
/// token (cancelled when the server stops). No automatic retry: a failed run ends FAILED with its reason,
/// and a re-run is the user's Start (which resumes) or Restart.
/// </summary>
public sealed class ExperimentRunJob(ExperimentRunner runner)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Run experiment {0}")]
    public Task RunAsync(string experimentId, CancellationToken cancellationToken) => runner.RunAsync(experimentId, cancellationToken);
}
