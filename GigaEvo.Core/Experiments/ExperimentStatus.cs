namespace GigaEvo.Core.Experiments;

/// <summary>Lifecycle of an experiment; stored and shown in upper case (<c>RUNNING</c>).</summary>
public enum ExperimentStatus
{
    /// <summary>Recorded; its problem directory is being put in place.</summary>
    Pending,
    /// <summary>Its problem directory is ready and valid; it can be started.</summary>
    Initialized,
    /// <summary>A run job is waiting for a worker.</summary>
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>The transition table: every status change goes through <see cref="CanMove"/>.</summary>
public static class ExperimentStatuses
{
    public static IReadOnlyList<ExperimentStatus> All { get; } = Enum.GetValues<ExperimentStatus>();

    public static string ToKey(this ExperimentStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>A status name, case-insensitive. Not <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>: it takes numbers ("3") and lists ("running,queued").</summary>
    public static bool TryParse(string? text, out ExperimentStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Queued or running: a job owns the experiment.</summary>
    public static bool IsActive(this ExperimentStatus status) => status is ExperimentStatus.Queued or ExperimentStatus.Running;

    public static bool IsFinished(this ExperimentStatus status) =>
        status is ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Cancelled;

    public static bool CanMove(ExperimentStatus from, ExperimentStatus to) => (from, to) switch
    {
        (ExperimentStatus.Pending, ExperimentStatus.Initialized or ExperimentStatus.Failed) => true,
        (ExperimentStatus.Initialized, ExperimentStatus.Queued) => true,
        (ExperimentStatus.Queued, ExperimentStatus.Running or ExperimentStatus.Cancelled or ExperimentStatus.Failed) => true,
        // Back to QUEUED: the runner stopped or the host went down mid-run; the run resumes from its folder.
        (ExperimentStatus.Running, ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Cancelled or ExperimentStatus.Queued) => true,
        // Start again (resume) or restart (a new run folder).
        (ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Cancelled, ExperimentStatus.Queued) => true,
        _ => false,
    };

    /// <summary>
    /// The moves a user may ask for (start, restart, stop, initialize): the table without RUNNING → QUEUED,
    /// which only the runner (stopping) and crash recovery make, each from inside the run that owns it.
    /// </summary>
    public static bool CanRequest(ExperimentStatus from, ExperimentStatus to) => CanMove(from, to) && !(from.IsActive() && to == ExperimentStatus.Queued);

    /// <summary>Throws <see cref="InvalidTransitionException"/> unless the table allows the move.</summary>
    public static void EnsureCanMove(string experimentId, ExperimentStatus from, ExperimentStatus to, string action)
    {
        if (!CanMove(from, to))
        {
            throw new InvalidTransitionException(experimentId, from, to, action);
        }
    }
}
