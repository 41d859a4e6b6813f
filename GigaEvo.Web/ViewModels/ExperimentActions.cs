using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Web.ViewModels;

/// <summary>Which buttons an experiment offers, from the transition table (a refused click would be a 409).</summary>
public static class ExperimentActions
{
    public static bool CanStart(ExperimentDto e) => Is(e, out var s) && s is ExperimentStatus.Initialized or ExperimentStatus.Failed or ExperimentStatus.Cancelled;

    public static bool CanStop(ExperimentDto e) => Is(e, out var s) && s.IsActive();

    public static bool CanRestart(ExperimentDto e) => Is(e, out var s) && s is ExperimentStatus.Initialized or ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Cancelled;

    /// <summary>Delete stops a running experiment first, so it is always offered (with a confirmation).</summary>
    public static bool CanDelete(ExperimentDto e) => Is(e, out var s) && s != ExperimentStatus.Pending;

    private static bool Is(ExperimentDto e, out ExperimentStatus status) => ExperimentStatuses.TryParse(e.Status, out status);
}
