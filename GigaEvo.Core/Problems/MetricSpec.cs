namespace GigaEvo.Core.Problems;

/// <summary>One entry of <c>metrics.yaml</c>'s <c>specs:</c> map, in the Python GigaEvo's format.</summary>
public sealed record MetricSpec
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public int Decimals { get; init; } = 5;
    public bool IsPrimary { get; init; }
    public bool HigherIsBetter { get; init; } = true;
    public string? Unit { get; init; }
    public double? LowerBound { get; init; }
    public double? UpperBound { get; init; }
    public bool IncludeInPrompts { get; init; } = true;
    public double? SignificantChange { get; init; }

    /// <summary>Value given on failure; outside the bounds on the losing side (default ∓1e5).</summary>
    public double SentinelValue { get; init; }

    /// <summary>True when <paramref name="a"/> is strictly better than <paramref name="b"/> for this metric.</summary>
    public bool IsBetter(double a, double b) => HigherIsBetter ? a > b : a < b;

    /// <summary>Maps a value so that larger is always better (used by selection and ranking).</summary>
    public double Oriented(double value) => HigherIsBetter ? value : -value;

    public double Clamp(double value)
    {
        if (double.IsNaN(value))
        {
            return SentinelValue;
        }
        if (LowerBound is { } lo && value < lo)
        {
            value = lo;
        }
        if (UpperBound is { } hi && value > hi)
        {
            value = hi;
        }
        return value;
    }

    public static double DefaultSentinel(bool higherIsBetter) => higherIsBetter ? -1e5 : 1e5;
}
