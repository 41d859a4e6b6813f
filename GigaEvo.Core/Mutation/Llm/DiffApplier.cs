namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// Applies SEARCH/REPLACE blocks in order. A SEARCH part matches exactly (trailing whitespace ignored) or,
/// failing that, with any indentation (the REPLACE lines are then re-indented by the same shift). When the
/// program has EVOLVE-BLOCK markers, only lines between them may change. Every refusal names the block
/// and says precisely why (for a SEARCH part found nowhere: the nearest lines of the program).
/// </summary>
public static class DiffApplier
{
    public static (string? Code, string? Error) Apply(string code, IReadOnlyList<SearchReplaceBlock> blocks)
    {
        var lines = code.ReplaceLineEndings("\n").Split('\n').ToList();
        var markers = EvolveRegions.CountMarkers(lines);
        foreach (var block in blocks)
        {
            var label = blocks.Count == 1 ? "the SEARCH/REPLACE block" : $"SEARCH/REPLACE block {block.Number} of {blocks.Count}";
            var search = TrimBlankEdges(block.Search);
            if (search.Count == 0)
            {
                return (null, $"{label} has an empty SEARCH part: copy the lines to replace from the program.");
            }
            var regions = EvolveRegions.Of(lines);
            var (matches, exact) = (Matches(lines, search, exact: true), true);
            if (matches.Count == 0)
            {
                (matches, exact) = (Matches(lines, search, exact: false), false);
            }
            if (matches.Count == 0)
            {
                return (null, $"{label} does not apply: its SEARCH part matches no lines of the program.\n{NearestLines.Describe(lines, search)}");
            }
            var inside = regions is null ? matches : matches.Where(m => regions.Any(r => m >= r.First && m + search.Count - 1 <= r.Last)).ToList();
            if (inside.Count == 0)
            {
                var m = matches[0] + 1;
                return (null, $"{label} edits lines {m}-{m + search.Count - 1}, outside the EVOLVE-BLOCK regions ({EvolveRegions.Describe(regions!)}): only lines between '# EVOLVE-BLOCK-START' and '# EVOLVE-BLOCK-END' may change, and not the marker lines themselves.");
            }
            if (inside.Count > 1)
            {
                return (null, $"{label} is ambiguous: its SEARCH part matches {inside.Count} places (lines {string.Join(", ", inside.Select(i => i + 1))}). Add neighbouring lines to the SEARCH part so that it matches one place only.");
            }
            var start = inside[0];
            var replacement = exact ? [.. block.Replace] : Reindent(block.Replace, Indent(search.First(l => l.Trim().Length > 0)), Indent(lines[start + FirstNonBlank(search)]));
            lines.RemoveRange(start, search.Count);
            lines.InsertRange(start, TrimBlankEdges(replacement));
        }
        if (EvolveRegions.CountMarkers(lines) != markers)
        {
            return (null, "the edits add or remove an EVOLVE-BLOCK marker line; keep '# EVOLVE-BLOCK-START' and '# EVOLVE-BLOCK-END' exactly as they are.");
        }
        return (string.Join('\n', lines), null);
    }

    private static List<int> Matches(List<string> lines, List<string> search, bool exact)
    {
        var found = new List<int>();
        for (var i = 0; i + search.Count <= lines.Count; i++)
        {
            var all = true;
            for (var k = 0; k < search.Count && all; k++)
            {
                all = exact
                    ? string.Equals(lines[i + k].TrimEnd(), search[k].TrimEnd(), StringComparison.Ordinal)
                    : string.Equals(lines[i + k].Trim(), search[k].Trim(), StringComparison.Ordinal);
            }
            if (all)
            {
                found.Add(i);
            }
        }
        return found;
    }

    private static List<string> Reindent(IReadOnlyList<string> replace, string from, string to) =>
        [.. replace.Select(l => l.Trim().Length == 0 ? "" : l.StartsWith(from, StringComparison.Ordinal) ? to + l[from.Length..] : to + l.TrimStart())];

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static int FirstNonBlank(IReadOnlyList<string> lines) => lines.Select((l, i) => (l, i)).First(x => x.l.Trim().Length > 0).i;

    private static List<string> TrimBlankEdges(IReadOnlyList<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && lines[start].Trim().Length == 0)
        {
            start++;
        }
        while (end > start && lines[end - 1].Trim().Length == 0)
        {
            end--;
        }
        return [.. lines.Skip(start).Take(end - start)];
    }
}
