using System.Globalization;

namespace GigaEvo.Core.Problems;

/// <summary>Cross-field rules of <c>metrics.yaml</c>; turns drafts into <see cref="MetricSpec"/>s.</summary>
internal static class MetricRules
{
    private const string MetricsFile = ProblemLayout.MetricsFile;
    private const string Validity = ProblemLayout.ValidityMetric;

    /// <summary>Largest <c>decimals</c> that <see cref="Math.Round(double, int)"/> accepts.</summary>
    private const int MaxDecimals = 15;

    public static IReadOnlyList<MetricSpec> Apply(MetricsDocument document, List<string> defects)
    {
        foreach (var draft in document.Metrics)
        {
            CheckFields(draft, defects);
            if (draft.Name == Validity)
            {
                CheckValidity(draft, defects);
            }
            else
            {
                CheckSentinel(draft, defects);
            }
        }
        if (!document.DeclaredNames.Contains(Validity))
        {
            defects.Add($"{MetricsFile}: the '{Validity}' metric is missing; declare it (1 when the output passed validate, else 0) with lower_bound: 0 and upper_bound: 1");
        }
        CheckPrimary(document, defects);
        return [.. document.Metrics.Select(ToSpec)];
    }

    private static void CheckFields(MetricDraft draft, List<string> defects)
    {
        if (Valid(draft, "decimals") && draft.Decimals is < 0 or > MaxDecimals)
        {
            defects.Add($"{MetricsFile}: metric '{draft.Name}': decimals {draft.Decimals} is out of range; expected 0 to {MaxDecimals}");
        }
        if (Valid(draft, "significant_change") && draft.SignificantChange is <= 0)
        {
            defects.Add($"{MetricsFile}: metric '{draft.Name}': significant_change {Format(draft.SignificantChange.Value)} must be greater than 0");
        }
        if (BoundsValid(draft) && draft is { LowerBound: { } lo, UpperBound: { } hi } && lo >= hi)
        {
            defects.Add($"{MetricsFile}: metric '{draft.Name}': lower_bound {Format(lo)} must be less than upper_bound {Format(hi)}");
        }
        if (draft.IsPrimary && BoundsValid(draft))
        {
            var missing = new[] { ("lower_bound", draft.LowerBound), ("upper_bound", draft.UpperBound) }
                .Where(b => b.Item2 is null)
                .Select(b => b.Item1)
                .ToList();
            if (missing.Count > 0)
            {
                defects.Add($"{MetricsFile}: primary metric '{draft.Name}' has no {string.Join(" and no ", missing)}; the primary metric needs both bounds");
            }
        }
    }

    private static void CheckValidity(MetricDraft draft, List<string> defects)
    {
        var lowerWrong = Valid(draft, "lower_bound") && draft.LowerBound is { } lo && lo != 0;
        var upperWrong = Valid(draft, "upper_bound") && draft.UpperBound is { } hi && hi != 1;
        if (lowerWrong || upperWrong)
        {
            defects.Add($"{MetricsFile}: metric '{Validity}' must have bounds [0, 1], got [{Format(draft.LowerBound ?? 0)}, {Format(draft.UpperBound ?? 1)}]");
        }
        if (Valid(draft, "higher_is_better") && !draft.HigherIsBetter)
        {
            defects.Add($"{MetricsFile}: metric '{Validity}' has higher_is_better: false; it must be true (1 means valid)");
        }
        if (Valid(draft, "sentinel_value") && draft.SentinelValue is { } s && s != 0)
        {
            defects.Add($"{MetricsFile}: metric '{Validity}' has sentinel_value {Format(s)}; its sentinel must be 0 (or omitted)");
        }
    }

    /// <summary>
    /// The sentinel marks a failed program, so it must rank no better than any legitimate value: outside the
    /// bounds, on the losing side. Equal to the losing bound is accepted (as the Python GigaEvo does).
    /// </summary>
    private static void CheckSentinel(MetricDraft draft, List<string> defects)
    {
        if (!BoundsValid(draft) || !Valid(draft, "sentinel_value") || !Valid(draft, "higher_is_better")
            || (draft.LowerBound is null && draft.UpperBound is null)
            || draft is { LowerBound: { } l, UpperBound: { } u } && l >= u)
        {
            return;
        }
        var sentinel = Sentinel(draft);
        var what = draft.SentinelValue is null
            ? $"default sentinel_value {Format(sentinel)} (used when sentinel_value is omitted)"
            : $"sentinel_value {Format(sentinel)}";
        var bounds = $"[{(draft.LowerBound is { } lo ? Format(lo) : "-inf")}, {(draft.UpperBound is { } hi ? Format(hi) : "+inf")}]";
        var hib = draft.HigherIsBetter;
        var (losing, winning) = hib ? (draft.LowerBound, draft.UpperBound) : (draft.UpperBound, draft.LowerBound);
        var losingName = hib ? "lower_bound" : "upper_bound";
        var beyondWinning = winning is { } w && (hib ? sentinel >= w : sentinel <= w);
        var insideLosing = losing is { } lb && (hib ? sentinel > lb : sentinel < lb);
        var direction = hib ? "below" : "above";
        if (beyondWinning)
        {
            var fix = losing is { } losingBound
                ? $"at or {direction} {losingName} {Format(losingBound)}"
                : $"{direction} {(hib ? "upper_bound" : "lower_bound")} {Format(winning!.Value)}";
            defects.Add($"{MetricsFile}: metric '{draft.Name}': {what} is on the winning side of the bounds {bounds} "
                + $"(higher_is_better: {Bool(hib)}), so failed programs would rank best; set it {fix}");
        }
        else if (insideLosing)
        {
            defects.Add($"{MetricsFile}: metric '{draft.Name}': {what} lies inside the bounds {bounds}; "
                + $"it must be at or {direction} {losingName} {Format(losing!.Value)} (higher_is_better: {Bool(hib)})");
        }
    }

    private static void CheckPrimary(MetricsDocument document, List<string> defects)
    {
        var primaries = document.Metrics.Where(m => m.IsPrimary).Select(m => $"'{m.Name}'").ToList();
        if (primaries.Count > 1)
        {
            defects.Add($"{MetricsFile}: {primaries.Count} metrics have is_primary: true ({string.Join(", ", primaries)}); exactly one must");
        }
        else if (primaries.Count == 0 && document.Complete && document.Metrics.All(m => Valid(m, "is_primary")))
        {
            defects.Add($"{MetricsFile}: no metric has is_primary: true; exactly one must (the metric evolution optimizes)");
        }
    }

    private static MetricSpec ToSpec(MetricDraft draft)
    {
        var validity = draft.Name == Validity;
        return new MetricSpec
        {
            Name = draft.Name,
            Description = draft.Description,
            Decimals = draft.Decimals,
            IsPrimary = draft.IsPrimary,
            HigherIsBetter = draft.HigherIsBetter,
            Unit = draft.Unit,
            LowerBound = validity ? draft.LowerBound ?? 0 : draft.LowerBound,
            UpperBound = validity ? draft.UpperBound ?? 1 : draft.UpperBound,
            IncludeInPrompts = draft.IncludeInPrompts,
            SignificantChange = draft.SignificantChange,
            SentinelValue = validity ? draft.SentinelValue ?? 0 : Sentinel(draft),
        };
    }

    private static double Sentinel(MetricDraft draft) =>
        draft.SentinelValue ?? MetricSpec.DefaultSentinel(draft.HigherIsBetter);

    private static bool Valid(MetricDraft draft, string field) => !draft.InvalidFields.Contains(field);

    private static bool BoundsValid(MetricDraft draft) => Valid(draft, "lower_bound") && Valid(draft, "upper_bound");

    private static string Bool(bool value) => value ? "true" : "false";

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
