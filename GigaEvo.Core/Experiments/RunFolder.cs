using System.Text.Json;
using System.Text.Json.Nodes;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// Reads a run folder without opening its <c>FileProgramStore</c>: opening one deletes leftover temporary
/// files, which would race with the store of a run in progress. Every file here is replaced atomically
/// (write then rename), so a read sees the old or the new version of each program.
/// </summary>
public static class RunFolder
{
    public static string StoreDirectory(string runDirectory) => Path.Combine(runDirectory, "store");

    public static RunState? ReadState(string runDirectory)
    {
        var path = Path.Combine(StoreDirectory(runDirectory), "run_state.json");
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), RunStateJson.Default.RunState) : null;
    }

    public static IReadOnlyList<EvolvedProgram> ReadPrograms(string runDirectory)
    {
        var folder = Path.Combine(StoreDirectory(runDirectory), "programs");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var programs = new List<EvolvedProgram>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                programs.Add(JsonSerializer.Deserialize(File.ReadAllText(file), ProgramJson.Default.EvolvedProgram)!);
            }
            catch (FileNotFoundException)
            {
                // Replaced between listing and reading: its new version is under the same name, read on the next call.
            }
        }
        return [.. programs.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)];
    }

    /// <summary>Evaluated programs (the ones a result counts).</summary>
    public static bool IsJudged(EvolvedProgram p) => p.State is ProgramState.Evolving or ProgramState.Discarded or ProgramState.ProcessingCompleted;

    public static EvolvedProgram? Best(IEnumerable<EvolvedProgram> programs, MetricSpec primary) =>
        programs.Where(p => IsJudged(p) && p.IsValid && p.Metrics.ContainsKey(primary.Name)).MaxBy(p => primary.Oriented(p.Metrics[primary.Name]));

    /// <summary>The run as it stands, in the shape the export bundle takes (mid-run: the best so far).</summary>
    public static RunResult Snapshot(string runDirectory, ProblemDefinition problem)
    {
        var programs = ReadPrograms(runDirectory);
        var state = ReadState(runDirectory);
        var judged = programs.Where(IsJudged).ToList();
        var initial = judged.Where(p => p.Lineage.Generation == 0 && p.IsValid).Select(p => p.Metrics[problem.Primary.Name]).ToList();
        return new RunResult
        {
            Best = Best(judged, problem.Primary),
            BestInitialFitness = initial.Count > 0 ? initial.MaxBy(problem.Primary.Oriented) : null,
            Generations = state is null ? 0 : state.Phase == RunPhase.Done ? state.Generation : state.Generation - 1,
            ProgramsTotal = judged.Count,
            ProgramsValid = judged.Count(p => p.IsValid),
            FailedMutations = state?.FailedMutations ?? 0,
            History = state?.History ?? [],
            Holdout = ReadHoldout(runDirectory),
            Programs = programs,
        };
    }

    /// <summary>The hold-out result a finished run wrote into summary.json, if any.</summary>
    public static HoldoutResult? ReadHoldout(string runDirectory)
    {
        var path = Path.Combine(runDirectory, "summary.json");
        if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject summary)
        {
            return null;
        }
        var metrics = summary["holdout_metrics"] is JsonObject m
            ? m.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>())
            : null;
        var error = summary["holdout_error"]?.GetValue<string>();
        return metrics is null && error is null ? null : new HoldoutResult(metrics, error);
    }
}
