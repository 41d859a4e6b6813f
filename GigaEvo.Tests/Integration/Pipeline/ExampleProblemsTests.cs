using GigaEvo.Core.Configuration;
using GigaEvo.Tests.Unit.Problems;

namespace GigaEvo.Tests.Integration.Pipeline;

/// <summary>The problems shipped in problems/ load cleanly and carry what the product promises.</summary>
public sealed class ExampleProblemsTests
{
    [Theory]
    [InlineData("heilbron", false)]
    [InlineData("circle_packing", false)]
    [InlineData("wine_classification", true)]
    [InlineData("trivial", false)]
    [InlineData("sklearn_bench", false)]
    public async Task Load_ShippedProblem_HasNoDefectsAndTwoInitialPrograms(string name, bool hasContext)
    {
        var dir = Path.Combine(GigaEvoPaths.RequireProblemsDirectory(), name);
        var problem = await LoaderHarness.CreateLoader().LoadAsync(dir);
        Assert.True(problem.InitialPrograms.Count >= 2);
        Assert.Equal(hasContext, problem.ContextPath is not null);
        Assert.Single(problem.Metrics, m => m.IsPrimary);
        Assert.Contains(problem.Metrics, m => m.Name == "is_valid");
        Assert.All(problem.InitialPrograms, p => Assert.Contains("EVOLVE-BLOCK-START", p.Code));
    }
}
