using Microsoft.EntityFrameworkCore;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// The only writer of an experiment's status: checks the transition table, records the history row and
/// its time, saves (the status is a concurrency token, so a racing writer fails instead of overwriting),
/// then publishes <see cref="StatusChanged"/>.
/// </summary>
public sealed class ExperimentTransitions(IDbContextFactory<PlatformDbContext> dbFactory, INotifier<ExperimentEvent> notifier, TimeProvider time)
{
    /// <summary>
    /// A move a user asked for, from whatever status it has: refuses what the table forbids
    /// (<see cref="InvalidTransitionException"/>) and re-queuing a queued or running experiment (<see cref="ConflictException"/>).
    /// </summary>
    public async Task<Experiment> MoveAsync(string id, ExperimentStatus to, string action, string? reason = null,
        Action<Experiment>? update = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await db.Experiments.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("experiment", id);
        if (experiment.Status.IsActive() && !ExperimentStatuses.CanRequest(experiment.Status, to))
        {
            // Its job owns it: a second job would find the run busy and the status would no longer tell the truth.
            throw new ConflictException($"cannot {action} experiment {id}: it is {experiment.Status.ToKey()} (a run is queued or in progress); stop it first");
        }
        ExperimentStatuses.EnsureCanMove(id, experiment.Status, to, action);
        var change = Apply(db, experiment, to, reason, update);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"experiment {id} changed status while being asked to {action}; reload and try again");
        }
        await PublishAsync(change);
        return experiment;
    }

    /// <summary>Moves only from <paramref name="expected"/> (compare-and-set); null when it is elsewhere, gone, or moved meanwhile.</summary>
    public async Task<Experiment?> TryMoveAsync(string id, ExperimentStatus expected, ExperimentStatus to, string? reason = null,
        Action<Experiment>? update = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await db.Experiments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (experiment is null || experiment.Status != expected)
        {
            return null;
        }
        ExperimentStatuses.EnsureCanMove(id, expected, to, "move");
        var change = Apply(db, experiment, to, reason, update);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
        await PublishAsync(change);
        return experiment;
    }

    /// <summary>Sets the status on a tracked experiment and adds its history row; the caller saves, then publishes.</summary>
    public StatusChange Apply(PlatformDbContext db, Experiment experiment, ExperimentStatus to, string? reason, Action<Experiment>? update = null)
    {
        var now = time.GetUtcNow();
        // A new experiment (not saved yet) has no previous status.
        ExperimentStatus? from = db.Entry(experiment).State == EntityState.Added ? null : experiment.Status;
        var change = new StatusChange { ExperimentId = experiment.Id, From = from, To = to, At = now, Reason = reason };
        experiment.Status = to;
        experiment.UpdatedAt = now;
        switch (to)
        {
            case ExperimentStatus.Queued:
                experiment.ErrorReason = null;
                experiment.FinishedAt = null;
                break;
            case ExperimentStatus.Running:
                experiment.StartedAt ??= now;
                break;
            case ExperimentStatus.Failed:
                experiment.ErrorReason = reason;
                experiment.FinishedAt = now;
                break;
            case ExperimentStatus.Completed or ExperimentStatus.Cancelled:
                experiment.FinishedAt = now;
                break;
        }
        update?.Invoke(experiment);
        db.StatusChanges.Add(change);
        return change;
    }

    public Task PublishAsync(StatusChange change) =>
        notifier.PublishAsync(new StatusChanged(change.ExperimentId, change.At, change.From?.ToKey(), change.To.ToKey(), change.Reason));
}
