using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Programs;
using Microsoft.EntityFrameworkCore;

namespace GigaEvo.Core.Experiments;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>Reads experiments from the database and their programs and history from their run folder.</summary>
public sealed class ExperimentQueries(IDbContextFactory<PlatformDbContext> dbFactory, IArtifactStore artifacts)
{
    public const int MaxPageSize = 200;

    public async Task<Page<Experiment>> ListAsync(ExperimentStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Clamp(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Experiments.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Experiment>(items, total, page, pageSize);
    }

    public async Task<Experiment> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("experiment", id);
    }

    public async Task<IReadOnlyList<StatusChange>> HistoryAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Experiments.AnyAsync(e => e.Id == id, ct))
        {
            throw new NotFoundException("experiment", id);
        }
        return await db.StatusChanges.AsNoTracking().Where(s => s.ExperimentId == id).OrderBy(s => s.Id).ToListAsync(ct);
    }

    /// <summary>The current run's generation reports (best-so-far and mean per generation), oldest first.</summary>
    public async Task<IReadOnlyList<GenerationReport>> GenerationsAsync(string id, CancellationToken ct = default)
    {
        var experiment = await GetAsync(id, ct);
        return RunDirectory(experiment) is { } dir ? RunFolder.ReadState(dir)?.History ?? [] : [];
    }

    /// <summary>The current run's programs, newest first, optionally of one state (<c>EVOLVING</c>…).</summary>
    public async Task<Page<EvolvedProgram>> ProgramsAsync(string id, ProgramState? state, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Clamp(page, pageSize);
        var experiment = await GetAsync(id, ct);
        var programs = RunDirectory(experiment) is { } dir ? RunFolder.ReadPrograms(dir) : [];
        var selected = programs.Where(p => state is null || p.State == state).OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).ToList();
        return new Page<EvolvedProgram>([.. selected.Skip((page - 1) * pageSize).Take(pageSize)], selected.Count, page, pageSize);
    }

    /// <summary>The local run folder of the current run, or null before the first start.</summary>
    public string? RunDirectory(Experiment experiment) =>
        experiment.RunKey is { } key && artifacts.Exists(key) ? artifacts.LocalPath(key) : null;

    private static (int Page, int Size) Clamp(int page, int pageSize) => (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));
}
