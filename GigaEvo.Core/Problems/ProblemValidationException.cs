namespace GigaEvo.Core.Problems;

/// <summary>A problem directory was refused; <see cref="Defects"/> holds one precise message per defect.</summary>
public sealed class ProblemValidationException(string directory, IReadOnlyList<string> defects)
    : Exception($"Problem directory '{directory}' is not valid:\n  - " + string.Join("\n  - ", defects))
{
    public string Directory { get; } = directory;
    public IReadOnlyList<string> Defects { get; } = defects;
}
