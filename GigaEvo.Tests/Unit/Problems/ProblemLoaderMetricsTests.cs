using static GigaEvo.Tests.Unit.Problems.LoaderHarness;
using static GigaEvo.Tests.Unit.Problems.ProblemDirectory;

namespace GigaEvo.Tests.Unit.Problems;

public sealed class ProblemLoaderMetricsTests
{
    private const string Allowed =
        "allowed fields: description, decimals, is_primary, higher_is_better, unit, lower_bound, upper_bound, "
        + "include_in_prompts, significant_change, sentinel_value";

    [Theory]
    [InlineData("specs:\n  fitness:\n    description: a\n   is_primary: true\n", "line 4, column 4: not valid YAML: While parsing a block mapping, did not find expected key.")]
    [InlineData("specs:\n  fitness:\n    description: \"unterminated\n", "line 3, column 18: not valid YAML: While scanning a quoted scalar, found unexpected end of stream.")]
    [InlineData("specs:\n  fitness:\n    description: [unclosed\n  is_valid: {}\n", "line 3, column 18: not valid YAML: the document cannot be parsed after this point (unclosed bracket, quote or block?)")]
    public async Task LoadAsync_MetricsNotYaml_ReportsLine(string yaml, string expected)
    {
        using var problem = CreateValid().Write("metrics.yaml", yaml);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([$"metrics.yaml {expected}"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_MetricsDuplicateKey_ReportsLine()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, IsValidSpec);

        var ex = await LoadInvalidAsync(problem);

        AssertSingleDefect(ex, "metrics.yaml line 13", "not valid YAML", "Duplicate key");
    }

    [Fact]
    public async Task LoadAsync_MetricsWithoutSpecs_ReportsIt()
    {
        using var problem = CreateValid().Write("metrics.yaml", "fitness:\n  description: score\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["metrics.yaml has no 'specs:' map (metric name to fields)"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_SpecNotAMap_ReportsIt()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, "  runtime: fast");

        var ex = await LoadInvalidAsync(problem);

        AssertSingleDefect(ex, "metrics.yaml line 13: metric 'runtime' must be a map of fields (description, decimals,", "got 'fast'");
    }

    [Fact]
    public async Task LoadAsync_UnknownField_ListsAllowedFields()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, """
              runtime:
                description: Seconds
                lowerbound: 0
            """);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([$"metrics.yaml line 15: metric 'runtime' has unknown field 'lowerbound'; {Allowed}"], ex.Defects);
    }

    [Theory]
    [InlineData("is_primary: maybe", "field 'is_primary': 'maybe' is not a boolean; expected true or false")]
    [InlineData("lower_bound: high", "field 'lower_bound': 'high' is not a number; expected a finite number (or null)")]
    [InlineData("decimals: 2.5", "field 'decimals': '2.5' is not an integer")]
    [InlineData("sentinel_value: [1, 2]", "field 'sentinel_value': a list is not a number; expected a finite number (or null)")]
    [InlineData("upper_bound: .inf", "field 'upper_bound': '.inf' is not a number; expected a finite number (or null)")]
    [InlineData("description: {text: x}", "field 'description': a map is not a string")]
    public async Task LoadAsync_FieldOfWrongType_NamesMetricFieldValueAndType(string line, string expected)
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, $"""
              runtime:
                higher_is_better: false
                {line}
            """);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([$"metrics.yaml line 15: metric 'runtime', {expected}"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_NoPrimary_ReportsIt()
    {
        using var problem = CreateValid().WriteMetrics(RuntimeSpec, IsValidSpec);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["metrics.yaml: no metric has is_primary: true; exactly one must (the metric evolution optimizes)"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_TwoPrimaries_NamesThem()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, """
              score:
                description: other
                is_primary: yes
                lower_bound: 0
                upper_bound: 1
            """);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["metrics.yaml: 2 metrics have is_primary: true ('fitness', 'score'); exactly one must"], ex.Defects);
    }

    [Theory]
    [InlineData("upper_bound: 1", "no lower_bound")]
    [InlineData("lower_bound: 0", "no upper_bound")]
    [InlineData("unit: px", "no lower_bound and no upper_bound")]
    public async Task LoadAsync_PrimaryWithoutBound_ReportsIt(string line, string missing)
    {
        using var problem = CreateValid().WriteMetrics(IsValidSpec, $"""
              fitness:
                description: score
                is_primary: true
                {line}
            """);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([$"metrics.yaml: primary metric 'fitness' has {missing}; the primary metric needs both bounds"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_LowerBoundNotBelowUpper_ReportsIt()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, """
              runtime:
                description: Seconds
                lower_bound: 5
                upper_bound: 5
            """);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["metrics.yaml: metric 'runtime': lower_bound 5 must be less than upper_bound 5"], ex.Defects);
    }

    [Theory]
    [InlineData("true", "0.5", "sentinel_value 0.5 lies inside the bounds [0, 1]; it must be at or below lower_bound 0 (higher_is_better: true)")]
    [InlineData("false", "0.5", "sentinel_value 0.5 lies inside the bounds [0, 1]; it must be at or above upper_bound 1 (higher_is_better: false)")]
    [InlineData("true", "1", "sentinel_value 1 is on the winning side of the bounds [0, 1] (higher_is_better: true), so failed programs would rank best; set it at or below lower_bound 0")]
    [InlineData("false", "-3", "sentinel_value -3 is on the winning side of the bounds [0, 1] (higher_is_better: false), so failed programs would rank best; set it at or above upper_bound 1")]
    public async Task LoadAsync_SentinelNotOnLosingSide_ReportsIt(string higherIsBetter, string sentinel, string expected)
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, $"""
              accuracy:
                description: Accuracy
                higher_is_better: {higherIsBetter}
                lower_bound: 0
                upper_bound: 1
                sentinel_value: {sentinel}
            """);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([$"metrics.yaml: metric 'accuracy': {expected}"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_DefaultSentinelInsideBounds_ReportsDefault()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, """
              energy:
                description: Energy
                lower_bound: -1e9
                upper_bound: 0
            """);

        var ex = await LoadInvalidAsync(problem);

        AssertSingleDefect(ex, "metric 'energy': default sentinel_value -100000 (used when sentinel_value is omitted) lies inside the bounds [-1000000000, 0]");
    }

    [Fact]
    public async Task LoadAsync_SentinelOnLosingBoundOrWithoutBounds_Accepted()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, IsValidSpec, """
              accuracy:
                description: Accuracy
                lower_bound: 0
                upper_bound: 1
                sentinel_value: 0
              loss:
                description: Loss
                higher_is_better: false
                sentinel_value: -7
            """);

        var definition = await CreateLoader().LoadAsync(problem.Path);

        Assert.Equal(0, definition.Find("accuracy")!.SentinelValue);
        Assert.Equal(-7, definition.Find("loss")!.SentinelValue);
    }

    [Fact]
    public async Task LoadAsync_IsValidMissing_ReportsIt()
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, RuntimeSpec);

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(
            ["metrics.yaml: the 'is_valid' metric is missing; declare it (1 when the output passed validate, else 0) with lower_bound: 0 and upper_bound: 1"],
            ex.Defects);
    }

    [Theory]
    [InlineData("lower_bound: 0\n    upper_bound: 100", "must have bounds [0, 1], got [0, 100]")]
    [InlineData("lower_bound: -1", "must have bounds [0, 1], got [-1, 1]")]
    [InlineData("sentinel_value: -1", "has sentinel_value -1; its sentinel must be 0 (or omitted)")]
    [InlineData("higher_is_better: false", "has higher_is_better: false; it must be true (1 means valid)")]
    public async Task LoadAsync_IsValidMisdeclared_ReportsIt(string lines, string expected)
    {
        using var problem = CreateValid().WriteMetrics(FitnessSpec, $"  is_valid:\n    description: valid\n    {lines}");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([$"metrics.yaml: metric 'is_valid' {expected}"], ex.Defects);
    }
}
