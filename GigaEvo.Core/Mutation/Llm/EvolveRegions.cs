namespace GigaEvo.Core.Mutation.Llm;

/// <summary>Line ranges (0-based, inclusive) strictly between EVOLVE-BLOCK-START and EVOLVE-BLOCK-END marker lines.</summary>
public static class EvolveRegions
{
    /// <summary>The regions, or null when the program has no markers (then every line may change).</summary>
    public static IReadOnlyList<(int First, int Last)>? Of(IReadOnlyList<string> lines)
    {
        var regions = new List<(int, int)>();
        int? open = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Contains(PythonLiterals.BlockStart, StringComparison.Ordinal))
            {
                open = i;
            }
            else if (lines[i].Contains(PythonLiterals.BlockEnd, StringComparison.Ordinal) && open is { } s)
            {
                regions.Add((s + 1, i - 1));
                open = null;
            }
        }
        if (open is { } unclosed)
        {
            regions.Add((unclosed + 1, lines.Count - 1));
        }
        return regions.Count > 0 ? regions : null;
    }

    public static int CountMarkers(IReadOnlyList<string> lines) =>
        lines.Count(l => l.Contains(PythonLiterals.BlockStart, StringComparison.Ordinal) || l.Contains(PythonLiterals.BlockEnd, StringComparison.Ordinal));

    public static string Describe(IReadOnlyList<(int First, int Last)> regions) =>
        string.Join(", ", regions.Select(r => $"lines {r.First + 1}-{r.Last + 1}"));
}
