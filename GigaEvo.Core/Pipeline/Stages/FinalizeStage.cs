using GigaEvo.Core.Problems;

namespace GigaEvo.Core.Pipeline.Stages;

/// <summary>
/// Keeps the declared metrics, clamps them to their bounds, puts sentinels where validation failed or a
/// metric is missing, and adds complexity. Runs always, so every program ends with a full metric set.
/// </summary>
public sealed class FinalizeStage(ProblemDefinition problem) : Stage<FinalMetrics>("finalize", TimeSpan.FromSeconds(5), cacheable: false)
{
    public override IReadOnlyList<StageInput> Inputs { get; } =
        [new("metrics", typeof(ValidationMetrics), Optional: true), new("complexity", typeof(ComplexityMetrics), Optional: true)];

    public override Task<StageRun> RunAsync(StageContext context, CancellationToken ct) =>
        Task.FromResult(Finalize(context.Optional<ValidationMetrics>("metrics"), context.Optional<ComplexityMetrics>("complexity")));

    public StageRun Finalize(ValidationMetrics? validated, ComplexityMetrics? complexity)
    {
        var values = new Dictionary<string, double>();
        var notes = new List<string>();
        if (validated is null)
        {
            notes.Add("validation did not complete: sentinel values");
        }
        foreach (var spec in problem.Metrics)
        {
            if (validated is null)
            {
                values[spec.Name] = spec.Name == "is_valid" ? 0 : spec.SentinelValue;
            }
            else if (!validated.Values.TryGetValue(spec.Name, out var raw))
            {
                notes.Add($"validate() returned no '{spec.Name}'");
                values[spec.Name] = spec.Name == "is_valid" ? 0 : spec.SentinelValue;
            }
            else if (!double.IsFinite(raw))
            {
                notes.Add($"'{spec.Name}' was {raw}");
                values[spec.Name] = spec.Name == "is_valid" ? 0 : spec.SentinelValue;
            }
            else
            {
                values[spec.Name] = Math.Round(spec.Clamp(raw), Math.Clamp(spec.Decimals, 0, 15));
            }
        }
        foreach (var (name, value) in complexity?.Values ?? new Dictionary<string, double>())
        {
            values.TryAdd(name, value);
        }
        var primary = problem.Primary;
        if (validated is not null && !(validated.Values.TryGetValue(primary.Name, out var p) && double.IsFinite(p)) && values.GetValueOrDefault("is_valid") >= 0.5)
        {
            // A program without a real primary value cannot count as a valid solution, whatever it claims.
            values["is_valid"] = 0;
            notes.Add($"no finite '{primary.Name}': marked invalid");
        }
        var valid = values.TryGetValue("is_valid", out var v) && v >= 0.5;
        var summary = $"{primary.Name}={values[primary.Name]:G6}, is_valid={(valid ? 1 : 0)}" + (notes.Count > 0 ? " (" + string.Join("; ", notes) + ")" : "");
        return StageRun.Success(new FinalMetrics(values, valid, notes), summary);
    }
}
