using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>One edit along a parent's lineage: the ancestor's generation, and the edit with its effect on the metrics.</summary>
public sealed record LineageStep(int Generation, string Text);

/// <summary>
/// What changed along a program's lineage: for each edit from an ancestor to its child (up to
/// <see cref="MaxDepth"/> back), how the metrics moved — raised or lowered, better or worse.
/// </summary>
public static class LineageText
{
    public const int MaxDepth = 8;

    /// <summary>Steps oldest first, ending with the edit that made <paramref name="program"/>.</summary>
    public static IReadOnlyList<LineageStep> Steps(EvolvedProgram program, IReadOnlyDictionary<Guid, EvolvedProgram>? programs, ProblemDefinition problem)
    {
        var steps = new List<LineageStep>();
        var child = program;
        while (programs is not null && steps.Count < MaxDepth && child.Lineage.Parents.Count > 0
            && programs.TryGetValue(child.Lineage.Parents[0], out var parent))
        {
            steps.Add(new LineageStep(child.Lineage.Generation, $"- generation {child.Lineage.Generation}, {ProgramFacts.Origin(child)}: {Effect(parent, child, problem)}"));
            child = parent;
        }
        steps.Reverse();
        return steps;
    }

    private static string Effect(EvolvedProgram parent, EvolvedProgram child, ProblemDefinition problem)
    {
        if (child.Metrics.Count == 0)
        {
            return "not evaluated yet.";
        }
        if (parent.IsValid && !child.IsValid)
        {
            return $"made the program invalid ({ProgramFacts.Failure(child)?.Error ?? "invalid output"}).";
        }
        var changes = new List<string>();
        foreach (var spec in problem.Metrics.Where(m => (m.IncludeInPrompts || m.IsPrimary) && m.Name != "is_valid"))
        {
            if (!parent.Metrics.TryGetValue(spec.Name, out var before) || !child.Metrics.TryGetValue(spec.Name, out var after) || before == after)
            {
                continue;
            }
            var direction = after > before ? "raised" : "lowered";
            var verdict = spec.IsBetter(after, before) ? "better" : "worse";
            changes.Add($"{spec.Name} {ProgramFacts.Format(before, spec)} → {ProgramFacts.Format(after, spec)} ({direction}, {verdict})");
        }
        var validity = !parent.IsValid && child.IsValid ? "made the program valid; " : "";
        return validity + (changes.Count == 0 ? "no metric changed." : string.Join("; ", changes) + ".");
    }
}
