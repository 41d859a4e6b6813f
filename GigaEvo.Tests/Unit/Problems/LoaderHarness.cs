using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Tests.Unit.Problems;

/// <summary>A loader backed by the real /usr/bin/python3, and assertions on the defects it reports.</summary>
internal static class LoaderHarness
{
    public static ProblemLoader CreateLoader() =>
        new(new PythonCodeInspector(Options.Create(new PythonOptions { Interpreter = "/usr/bin/python3" })));

    public static async Task<ProblemValidationException> LoadInvalidAsync(ProblemDirectory problem) =>
        await Assert.ThrowsAsync<ProblemValidationException>(() => CreateLoader().LoadAsync(problem.Path));

    /// <summary>Asserts that one defect contains every fragment (and prints all defects when none does).</summary>
    public static void AssertDefect(ProblemValidationException ex, params string[] fragments)
    {
        Assert.True(
            ex.Defects.Any(d => fragments.All(f => d.Contains(f, StringComparison.Ordinal))),
            $"No defect contains all of [{string.Join(" | ", fragments)}]. Defects:\n  {string.Join("\n  ", ex.Defects)}");
    }

    /// <summary>Asserts that the directory has exactly one defect and that it contains every fragment.</summary>
    public static void AssertSingleDefect(ProblemValidationException ex, params string[] fragments)
    {
        Assert.True(ex.Defects.Count == 1, $"Expected one defect, got {ex.Defects.Count}:\n  {string.Join("\n  ", ex.Defects)}");
        AssertDefect(ex, fragments);
    }
}
