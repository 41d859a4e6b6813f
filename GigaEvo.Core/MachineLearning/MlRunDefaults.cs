using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;

namespace GigaEvo.Core.MachineLearning;

/// <summary>A generated ML problem carries its per-evaluation time limit; it applies unless the run overrides the timeouts.</summary>
public static class MlRunDefaults
{
    public static EvolutionSettings Apply(EvolutionSettings settings, ProblemDefinition problem, IReadOnlyList<string> overrides)
    {
        if (MlSpec.TryRead(problem.Directory) is not { TimeLimitSeconds: > 0 } spec
            || overrides.Any(o => o.StartsWith("pipeline.", StringComparison.Ordinal) && o.Contains("timeout", StringComparison.Ordinal)))
        {
            return settings;
        }
        return settings with
        {
            // The validator refits the pipeline once per fold under cross-validation.
            Pipeline = settings.Pipeline with { RunTimeoutSeconds = spec.TimeLimitSeconds, ValidateTimeoutSeconds = spec.TimeLimitSeconds * Math.Max(1, spec.CvFolds) },
        };
    }
}
