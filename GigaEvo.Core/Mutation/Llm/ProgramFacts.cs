using System.Globalization;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>The facts about a problem and its programs that prompts show, as short text.</summary>
public static class ProgramFacts
{
    private const int TracebackLines = 15;
    private const int TracebackChars = 2000;

    /// <summary>One line per metric shown in prompts: name, role, direction, bounds, unit, description.</summary>
    public static string MetricsDescription(ProblemDefinition problem) => string.Join('\n', problem.Metrics
        .Where(m => m.IncludeInPrompts || m.IsPrimary)
        .Select(m =>
        {
            var bounds = m.LowerBound is null && m.UpperBound is null ? "unbounded"
                : $"bounds [{Show(m.LowerBound)}, {Show(m.UpperBound)}]";
            var role = m.IsPrimary ? " (primary: the fitness that selection maximises)" : m.Name == "is_valid" ? " (1 = valid)" : "";
            var unit = string.IsNullOrWhiteSpace(m.Unit) ? "" : $"; unit {m.Unit}";
            var significant = m.SignificantChange is { } s ? $"; changes below {Show(s)} are noise" : "";
            return $"- `{m.Name}`{role}: {m.Description.Trim()} — {(m.HigherIsBetter ? "higher" : "lower")} is better; {bounds}{unit}{significant}.";
        }));

    /// <summary>The program's results, e.g. <c>fitness=0.91667, is_valid=1</c>; "not evaluated" when it has none.</summary>
    public static string Results(EvolvedProgram program, ProblemDefinition problem)
    {
        var shown = problem.Metrics.Where(m => (m.IncludeInPrompts || m.IsPrimary) && program.Metrics.ContainsKey(m.Name))
            .Select(m => $"{m.Name}={Format(program.Metrics[m.Name], m)}").ToList();
        return shown.Count == 0 ? "not evaluated" : string.Join(", ", shown);
    }

    /// <summary>How the program was made, e.g. <c>llm_diff by gpt-4o: Summary…</c> or <c>initial program decision_tree</c>.</summary>
    public static string Origin(EvolvedProgram program)
    {
        var lineage = program.Lineage;
        if (lineage.MutationKind == "initial")
        {
            return $"initial program {lineage.Note}".TrimEnd();
        }
        var by = lineage.Model is null ? "" : $" by {lineage.Model}";
        return $"made by {lineage.MutationKind}{by}" + (string.IsNullOrWhiteSpace(lineage.Note) ? "" : $" ({lineage.Note})");
    }

    /// <summary>Why an invalid program failed and the tail of its traceback; null for a valid one.</summary>
    public static (string Error, string Traceback)? Failure(EvolvedProgram program)
    {
        if (program.IsValid || program.Stages.Count == 0)
        {
            return null;
        }
        var error = EvaluationPipeline.FailureReason(program.Stages)
            ?? program.Stages.GetValueOrDefault("finalize")?.Summary
            ?? "the program is invalid";
        var traceback = program.Stages.Values.Select(s => s.Traceback).LastOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "(no traceback)";
        var tail = string.Join('\n', traceback.TrimEnd().Split('\n').TakeLast(TracebackLines));
        return (error, tail.Length > TracebackChars ? "…" + tail[^TracebackChars..] : tail);
    }

    public static string Format(double value, MetricSpec spec) =>
        Math.Round(value, Math.Clamp(spec.Decimals, 0, 15)).ToString("0.###############", CultureInfo.InvariantCulture);

    private static string Show(double? value) => value?.ToString("G", CultureInfo.InvariantCulture) ?? "none";
}
