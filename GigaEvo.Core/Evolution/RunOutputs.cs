using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>Writes a run's results: best_program.py, programs.csv and summary.json.</summary>
public static class RunOutputs
{
    private static readonly string[] StageNames = ["syntax", "run", "validate", "complexity", "finalize"];

    public static void Write(string runDirectory, RunResult result, ProblemDefinition problem)
    {
        if (result.Best is { } best)
        {
            File.WriteAllText(Path.Combine(runDirectory, "best_program.py"), best.Code);
        }
        File.WriteAllText(Path.Combine(runDirectory, "programs.csv"), Csv(result.Programs, problem));
        File.WriteAllText(Path.Combine(runDirectory, "summary.json"), Summary(result, problem).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static JsonObject Summary(RunResult result, ProblemDefinition problem)
    {
        var primary = problem.Primary;
        var best = result.Best?.Metrics[primary.Name];
        return new JsonObject
        {
            ["problem"] = problem.Name,
            ["primary_metric"] = primary.Name,
            ["higher_is_better"] = primary.HigherIsBetter,
            ["best_fitness"] = best,
            ["best_program_id"] = result.Best?.Id.ToString(),
            ["best_initial_fitness"] = result.BestInitialFitness,
            ["improved"] = best is { } b && result.BestInitialFitness is { } i && primary.IsBetter(b, i),
            ["generations"] = result.Generations,
            ["programs_total"] = result.ProgramsTotal,
            ["programs_valid"] = result.ProgramsValid,
            ["failed_mutations"] = result.FailedMutations,
            ["duplicate_programs"] = result.DuplicatePrograms,
            ["stop_reason"] = result.StopReason,
            ["llm"] = LlmSummary.ToJson(result, primary),
            ["recovered_programs"] = result.Recovered,
            ["stopped"] = result.Stopped,
            ["holdout_fitness"] = result.Holdout?.Metrics?.GetValueOrDefault(primary.Name),
            ["holdout_metrics"] = result.Holdout?.Metrics is { } hm ? new JsonObject(hm.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))) : null,
            ["holdout_error"] = result.Holdout?.Error,
            ["best_metrics"] = result.Best is null ? null : new JsonObject(result.Best.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            ["history"] = new JsonArray([.. result.History.Select(h => (JsonNode)new JsonObject
            {
                ["generation"] = h.Generation,
                ["best"] = h.BestFitness,
                ["mean"] = h.MeanFitness,
                ["valid"] = h.Valid,
                ["invalid"] = h.Invalid,
                ["programs_per_second"] = Math.Round(h.ProgramsPerSecond, 3),
                ["tokens"] = h.Tokens,
                ["cost"] = h.Cost is { } c ? Math.Round(c, 6) : null,
            })]),
        };
    }

    public static string Csv(IReadOnlyList<EvolvedProgram> programs, ProblemDefinition problem)
    {
        var metrics = problem.Metrics.Select(m => m.Name)
            .Concat(programs.SelectMany(p => p.Metrics.Keys).Distinct().Order(StringComparer.Ordinal))
            .Distinct().ToList();
        var header = new List<string> { "id", "generation", "state", "island", "parents", "mutation_kind", "model", "attempts" };
        header.AddRange(metrics);
        header.AddRange(StageNames.SelectMany(s => new[] { s + "_status", s + "_ms" }));
        header.AddRange(["error", "created_at"]);
        var csv = new StringBuilder().AppendLine(string.Join(",", header));
        foreach (var p in programs.OrderBy(p => p.Lineage.Generation).ThenBy(p => p.CreatedAt))
        {
            var row = new List<string>
            {
                p.Id.ToString(), p.Lineage.Generation.ToString(CultureInfo.InvariantCulture), p.State.ToKey(), p.Lineage.Island ?? "",
                string.Join(';', p.Lineage.Parents), p.Lineage.MutationKind, p.Lineage.Model ?? "", p.Attempts.ToString(CultureInfo.InvariantCulture),
            };
            row.AddRange(metrics.Select(m => p.Metrics.TryGetValue(m, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : ""));
            foreach (var stage in StageNames)
            {
                var r = p.Stages.GetValueOrDefault(stage);
                row.Add(r?.Status.ToString().ToLowerInvariant() ?? "");
                row.Add(r is null ? "" : r.DurationMs.ToString("F1", CultureInfo.InvariantCulture));
            }
            row.Add(EvaluationPipeline.FailureReason(p.Stages) ?? "");
            row.Add(p.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            csv.AppendLine(string.Join(",", row.Select(Escape)));
        }
        return csv.ToString();
    }

    private static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
