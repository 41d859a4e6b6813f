using System.Globalization;

namespace GigaEvo.Core.Mutation;

/// <summary>
/// The operator used when no LLM is configured: perturbs one to a few numeric literals inside
/// EVOLVE-BLOCK regions (anywhere when there are none). Floats are scaled by log-normal noise at a
/// randomly chosen step size; ints move by a small amount; signs never change, so the code still parses.
/// </summary>
public sealed class LocalNumericMutator : IMutationOperator
{
    public const string Kind = "local_numeric";
    private static readonly double[] StepScales = [0.1, 0.3, 1.0, 2.5];

    public string Name => "local operator (numeric literal perturbation)";

    public Task<MutationResult?> MutateAsync(MutationRequest request, CancellationToken ct)
    {
        var parent = request.Parents[0].Code;
        var literals = PythonLiterals.Find(parent);
        if (literals.Count == 0)
        {
            return Task.FromResult<MutationResult?>(null);
        }
        // A draw can leave every chosen literal unchanged (an int already at its floor): draw again.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (TryMutate(parent, literals, request) is { } child)
            {
                return Task.FromResult<MutationResult?>(child);
            }
        }
        return Task.FromResult<MutationResult?>(null);
    }

    private static MutationResult? TryMutate(string parent, IReadOnlyList<NumericLiteral> literals, MutationRequest request)
    {
        var rng = request.Random;
        var count = rng.Next(1, Math.Max(1, request.Settings.LiteralsPerMutation) + 1);
        var chosen = literals.OrderBy(_ => rng.Next()).Take(count).OrderByDescending(l => l.Start).ToList();
        var scale = StepScales[rng.Next(StepScales.Length)] * request.Settings.Sigma;
        var code = parent;
        var changes = new List<string>();
        foreach (var literal in chosen)
        {
            var replacement = literal.IsFloat ? PerturbFloat(literal.Text, scale, rng) : PerturbInt(literal.Text, scale, rng);
            if (replacement != literal.Text)
            {
                code = string.Concat(code.AsSpan(0, literal.Start), replacement, code.AsSpan(literal.Start + literal.Length));
                changes.Add($"{literal.Text}→{replacement}");
            }
        }
        return changes.Count == 0 ? null : new MutationResult(code, Kind, Note: string.Join(", ", changes));
    }

    private static string PerturbFloat(string text, double sigma, Random rng)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        var next = value == 0 ? Math.Abs(Gaussian(rng)) * sigma : value * Math.Exp(Gaussian(rng) * sigma);
        var formatted = next.ToString("R", CultureInfo.InvariantCulture);
        return formatted.Contains('.', StringComparison.Ordinal) || formatted.Contains('E', StringComparison.Ordinal) ? formatted : formatted + ".0";
    }

    private static string PerturbInt(string text, double sigma, Random rng)
    {
        var value = long.Parse(text, CultureInfo.InvariantCulture);
        var step = Math.Max(1, (long)Math.Round(Math.Abs(value * Gaussian(rng) * sigma)));
        var next = rng.Next(2) == 0 ? value + step : value - step;
        // Keep the literal's sign class: positive ints stay >= 1 (sizes, counts), zero stays >= 0.
        next = Math.Max(next, value >= 1 ? 1 : 0);
        return next.ToString(CultureInfo.InvariantCulture);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
