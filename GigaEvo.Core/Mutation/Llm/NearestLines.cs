using System.Globalization;
using System.Text;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>For a SEARCH part found nowhere: the window of program lines most like it, and the first line that differs.</summary>
public static class NearestLines
{
    private const int MaxCompared = 160;

    public static string Describe(IReadOnlyList<string> lines, IReadOnlyList<string> search)
    {
        var window = Math.Min(search.Count, lines.Count);
        var (best, score) = (0, -1.0);
        for (var i = 0; i + window <= lines.Count; i++)
        {
            var s = 0.0;
            for (var k = 0; k < window; k++)
            {
                s += Similarity(lines[i + k].Trim(), search[k].Trim());
            }
            if (s / window > score)
            {
                (best, score) = (i, s / window);
            }
        }
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"The nearest lines of the program are {best + 1}-{best + window} ({score:P0} similar):\n");
        for (var k = 0; k < window; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{best + k + 1,4} | {lines[best + k]}\n");
        }
        for (var k = 0; k < window; k++)
        {
            if (lines[best + k].Trim() != search[k].Trim())
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"First difference: SEARCH line {k + 1} is `{search[k].Trim()}` but program line {best + k + 1} is `{lines[best + k].Trim()}`.\n");
                break;
            }
        }
        if (search.Count > lines.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"The SEARCH part has {search.Count} lines; the program has only {lines.Count}.\n");
        }
        return text.Append("Copy the SEARCH lines exactly from the current program.").ToString();
    }

    /// <summary>1 − normalised edit distance, on at most the first 160 characters of each line.</summary>
    public static double Similarity(string a, string b)
    {
        a = a.Length > MaxCompared ? a[..MaxCompared] : a;
        b = b.Length > MaxCompared ? b[..MaxCompared] : b;
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }
}
