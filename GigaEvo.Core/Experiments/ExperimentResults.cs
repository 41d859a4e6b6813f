using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Export;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Experiments;

/// <summary>The best program with where it came from (best first, back to its initial ancestor).</summary>
public sealed record BestProgram(EvolvedProgram Program, string Metric, bool HigherIsBetter, IReadOnlyList<EvolvedProgram> Lineage, HoldoutResult? Holdout);

/// <summary>The best program so far and the downloadable archive, read from the current run folder.</summary>
public sealed class ExperimentResults(ExperimentQueries queries, IArtifactStore artifacts, IProblemLoader loader, PythonInfo python)
{
    /// <summary>Null while no valid program exists.</summary>
    public async Task<BestProgram?> BestAsync(string id, CancellationToken ct = default)
    {
        var experiment = await queries.GetAsync(id, ct);
        if (queries.RunDirectory(experiment) is not { } dir)
        {
            return null;
        }
        var programs = RunFolder.ReadPrograms(dir);
        var primary = new MetricSpec { Name = experiment.Metric, HigherIsBetter = experiment.HigherIsBetter, IsPrimary = true };
        if (RunFolder.Best(programs, primary) is not { } best)
        {
            return null;
        }
        var byId = programs.ToDictionary(p => p.Id);
        var lineage = new List<EvolvedProgram>();
        for (var current = best; current is not null && lineage.Count < 1000;
             current = current.Lineage.Parents.Count > 0 ? byId.GetValueOrDefault(current.Lineage.Parents[0]) : null)
        {
            lineage.Add(current);
        }
        return new BestProgram(best, experiment.Metric, experiment.HigherIsBetter, lineage, RunFolder.ReadHoldout(dir));
    }

    /// <summary>Writes the export bundle of the best program so far as a zip; 409 (<see cref="ConflictException"/>) while there is none.</summary>
    public async Task WriteArchiveAsync(string id, string zipPath, CancellationToken ct = default)
    {
        var experiment = await queries.GetAsync(id, ct);
        var dir = queries.RunDirectory(experiment) ?? throw new ConflictException($"experiment {id} has not run yet: there is no program to download");
        var problem = await loader.LoadAsync(artifacts.LocalPath(experiment.ProblemKey), ct);
        var result = RunFolder.Snapshot(dir, problem);
        if (result.Best is null)
        {
            throw new ConflictException($"experiment {id} has no valid program yet: there is nothing to download");
        }
        var configPath = Path.Combine(dir, "config.yaml");
        var config = File.Exists(configPath) ? await File.ReadAllTextAsync(configPath, ct) : "";
        ExportBundle.WriteZip(zipPath, problem, result, config, await python.GetVersionsAsync(ct));
    }
}
