using System.Globalization;
using GigaEvo.Core.Problems;

namespace GigaEvo.Core.Evolution;

public static class ProgressLine
{
    public static string Format(GenerationReport r, int maxGenerations, MetricSpec primary)
    {
        string F(double? v) => v is { } x ? x.ToString("F" + Math.Clamp(primary.Decimals, 0, 10), CultureInfo.InvariantCulture) : "—";
        var llm = r.Tokens is { } tokens ? string.Create(CultureInfo.InvariantCulture, $" | tokens {tokens:N0} | cost ${r.Cost ?? 0:F4}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"gen {r.Generation}/{maxGenerations} | best {primary.Name} {F(r.BestFitness)} | mean {F(r.MeanFitness)} | valid {r.Valid} invalid {r.Invalid} | {r.ProgramsPerSecond:F2} programs/s | {r.Seconds:F1} s{llm}");
    }
}
