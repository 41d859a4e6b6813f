using GigaEvo.Core.Problems;
using static GigaEvo.Tests.Unit.Problems.LoaderHarness;

namespace GigaEvo.Tests.Unit.Problems;

public sealed class ProblemLoaderTests
{
    [Fact]
    public async Task LoadAsync_ValidProblem_ReturnsDefinition()
    {
        using var problem = ProblemDirectory.CreateValid("circle_packing");

        var definition = await CreateLoader().LoadAsync(problem.Path);

        Assert.Equal("circle_packing", definition.Name);
        Assert.Equal(problem.Path, definition.Directory);
        Assert.Equal("Pack 26 circles in the unit square, maximizing the sum of radii.", definition.TaskDescription);
        Assert.Equal(Path.Combine(problem.Path, "validate.py"), definition.ValidatorPath);
        Assert.Null(definition.ContextPath);
        Assert.Null(definition.HelperPath);
        Assert.False(definition.ValidatorTakesContext);
        Assert.Equal(["a_random", "b_grid"], definition.InitialPrograms.Select(p => p.Name));
        Assert.Contains("def entrypoint():", definition.InitialPrograms[1].Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ValidProblem_ParsesMetricsWithDefaults()
    {
        using var problem = ProblemDirectory.CreateValid();

        var definition = await CreateLoader().LoadAsync(problem.Path);

        Assert.Equal(["fitness", "runtime", "is_valid"], definition.Metrics.Select(m => m.Name));
        var fitness = definition.Primary;
        Assert.Equal("fitness", fitness.Name);
        Assert.Equal("Sum of the radii", fitness.Description);
        Assert.Equal(4, fitness.Decimals);
        Assert.True(fitness.HigherIsBetter);
        Assert.Equal("px", fitness.Unit);
        Assert.Equal(0.0, fitness.LowerBound);
        Assert.Equal(10.0, fitness.UpperBound);
        Assert.Equal(0.01, fitness.SignificantChange);
        Assert.Equal(-1e5, fitness.SentinelValue);
        Assert.True(fitness.IncludeInPrompts);

        var runtime = definition.Find("runtime")!;
        Assert.False(runtime.IsPrimary);
        Assert.False(runtime.HigherIsBetter);
        Assert.False(runtime.IncludeInPrompts);
        Assert.Equal(5, runtime.Decimals);
        Assert.Null(runtime.LowerBound);
        Assert.Equal(1e5, runtime.SentinelValue);

        var isValid = definition.Find("is_valid")!;
        Assert.Equal(0.0, isValid.LowerBound);
        Assert.Equal(1.0, isValid.UpperBound);
        Assert.Equal(0.0, isValid.SentinelValue);
        Assert.True(isValid.HigherIsBetter);
    }

    [Fact]
    public async Task LoadAsync_ProblemWithContext_ValidatorTakesContext()
    {
        using var problem = ProblemDirectory.CreateValid().WithContext();

        var definition = await CreateLoader().LoadAsync(problem.Path);

        Assert.Equal(Path.Combine(problem.Path, "context.py"), definition.ContextPath);
        Assert.Equal(Path.Combine(problem.Path, "helper.py"), definition.HelperPath);
        Assert.True(definition.ValidatorTakesContext);
        Assert.Equal(2, definition.InitialPrograms.Count);
    }

    [Fact]
    public async Task LoadAsync_MissingDirectory_ReportsIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gigaevo-tests", Guid.NewGuid().ToString("N"));

        var ex = await Assert.ThrowsAsync<ProblemValidationException>(() => CreateLoader().LoadAsync(missing));

        Assert.Equal([$"Problem directory '{missing}' does not exist"], ex.Defects);
    }

    [Theory]
    [InlineData("task_description.txt", "Missing file task_description.txt")]
    [InlineData("metrics.yaml", "Missing file metrics.yaml")]
    [InlineData("validate.py", "Missing file validate.py")]
    [InlineData("initial_programs", "Missing folder initial_programs/ (the seed programs, *.py)")]
    public async Task LoadAsync_MissingRequiredEntry_ReportsIt(string entry, string expected)
    {
        using var problem = ProblemDirectory.CreateValid().Delete(entry);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([expected], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_BlankTaskDescription_ReportsEmpty()
    {
        using var problem = ProblemDirectory.CreateValid().Write("task_description.txt", "  \n\t\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["task_description.txt is empty; describe the task for the LLM"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_NoInitialProgram_ReportsIt()
    {
        using var problem = ProblemDirectory.CreateValid()
            .Delete("initial_programs/a_random.py")
            .Delete("initial_programs/b_grid.py")
            .Write("initial_programs/README.md", "not a program");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(
            ["initial_programs/ has no initial program; add at least one .py file defining entrypoint()"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_SeveralDefects_ReportsAllOfThem()
    {
        using var problem = ProblemDirectory.CreateValid()
            .Delete("task_description.txt")
            .WriteMetrics("""
                  fitness:
                    description: score
                    is_primary: maybe
                    lower_bound: 0
                    upper_bound: 1
                    colour: red
                """)
            .Write("validate.py", "def validate(output)\n    return {}\n")
            .Write("initial_programs/b_grid.py", "def main():\n    return []\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(6, ex.Defects.Count);
        Assert.Contains("Missing file task_description.txt", ex.Defects);
        AssertDefect(ex, "metric 'fitness', field 'is_primary'", "'maybe'");
        AssertDefect(ex, "metric 'fitness' has unknown field 'colour'");
        AssertDefect(ex, "the 'is_valid' metric is missing");
        AssertDefect(ex, "validate.py: line 1", "SyntaxError");
        AssertDefect(ex, "initial_programs/b_grid.py does not define a top-level function 'entrypoint()'");
        Assert.Contains("- Missing file task_description.txt", ex.Message, StringComparison.Ordinal);
    }
}
