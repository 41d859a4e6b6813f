namespace GigaEvo.Core.Problems;

/// <summary>Reads and validates a problem directory.</summary>
public interface IProblemLoader
{
    /// <summary>Loads the problem in <paramref name="directory"/>; its name is the folder's name.</summary>
    /// <exception cref="ProblemValidationException">The directory has one or more defects (all are listed).</exception>
    Task<ProblemDefinition> LoadAsync(string directory, CancellationToken ct = default);
}
