using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// What a child brought, in [0, 1], for the bandit: 0 unless it beats its parent on the primary metric;
/// then 0.5, plus up to 0.5 as the gain grows to one <c>significant_change</c> (default 1% of the bounds).
/// </summary>
public static class MutationReward
{
    public static double Of(EvolvedProgram child, EvolvedProgram parent, MetricSpec primary)
    {
        if (!child.IsValid || !child.Metrics.TryGetValue(primary.Name, out var c))
        {
            return 0;
        }
        if (!parent.IsValid || !parent.Metrics.TryGetValue(primary.Name, out var p))
        {
            return 1;
        }
        var gain = primary.Oriented(c) - primary.Oriented(p);
        if (!(gain > 0))
        {
            return 0;
        }
        var scale = primary.SignificantChange is { } s && s > 0 ? s
            : primary is { LowerBound: { } lo, UpperBound: { } hi } && hi > lo ? (hi - lo) / 100 : 1;
        return 0.5 + 0.5 * Math.Min(1, gain / scale);
    }
}
