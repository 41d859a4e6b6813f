using GigaEvo.Core.Configuration;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using GigaEvo.Core.Python;
using GigaEvo.Tests.Integration.Python;

namespace GigaEvo.Tests.Integration.Pipeline;

/// <summary>One warm fork server shared by the tests of a class (nothing preloaded: the tiny problem needs no imports).</summary>
public sealed class ForkServerFixture : IAsyncLifetime
{
    public IPythonRunner Runner { get; } = PythonRunnerFactory.Create("forkserver", o => o.Preload = []);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Runner.DisposeAsync();
}

/// <summary>The real evaluation DAG (syntax → run → validate ∥ complexity → finalize) against a tiny problem.</summary>
public sealed class EvaluationPipelineTests(ForkServerFixture fixture) : IClassFixture<ForkServerFixture>, IDisposable
{
    private const string Validator = "def validate(output):\n    return {\"fitness\": float(output), \"is_valid\": 1}\n";
    private const string Good = "def entrypoint():\n    return 3.5\n";

    private readonly string _root = Directory.CreateTempSubdirectory("gigaevo-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ProblemDefinition Problem(string validator)
    {
        var dir = Path.Combine(_root, "problem");
        Directory.CreateDirectory(dir);
        var validatorPath = Path.Combine(dir, "validate.py");
        File.WriteAllText(validatorPath, validator);
        return new ProblemDefinition
        {
            Name = "tiny",
            Directory = dir,
            TaskDescription = "Return a number between 0 and 10; larger is better.",
            Metrics =
            [
                new MetricSpec { Name = "fitness", IsPrimary = true, LowerBound = 0, UpperBound = 10, SentinelValue = -1 },
                new MetricSpec { Name = "is_valid", LowerBound = 0, UpperBound = 1, SentinelValue = 0, Decimals = 0 },
            ],
            ValidatorPath = validatorPath,
            InitialPrograms = [],
        };
    }

    private static EvolvedProgram NewProgram(string code) => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        Lineage = new Lineage { MutationKind = "initial" },
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private DagRunner Runner(string validator = Validator, PipelineSettings? settings = null, IStageCache? cache = null)
    {
        var env = new EvaluationEnvironment(Problem(validator), Path.Combine(_root, "workspaces"), null,
            settings ?? new PipelineSettings(), fixture.Runner);
        return new DagRunner(EvaluationPipeline.Build(env), cache ?? new MemoryStageCache(), 2, TimeProvider.System);
    }

    private async Task<DagOutcome> EvaluateAsync(string code, string validator = Validator, PipelineSettings? settings = null)
    {
        var outcome = await Runner(validator, settings).RunAsync(NewProgram(code), null, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(90), CancellationToken.None);
        Assert.Equal(new[] { "complexity", "finalize", "run", "syntax", "validate" }, outcome.Results.Keys.Order(StringComparer.Ordinal));
        // Finalize always runs and always yields a full metric set.
        Assert.Equal(StageStatus.Completed, outcome.Results["finalize"].Status);
        return outcome;
    }

    private static FinalMetrics Final(DagOutcome outcome) => Assert.IsType<FinalMetrics>(outcome.Values["finalize"]);

    private static void AssertSentinel(DagOutcome outcome)
    {
        var final = Final(outcome);
        Assert.Equal(-1, final.Values["fitness"]);
        Assert.Equal(0, final.Values["is_valid"]);
        Assert.False(final.IsValid);
    }

    [Fact]
    public async Task Evaluate_GoodProgram_CompletesEveryStageWithFitnessValidityAndComplexity()
    {
        var outcome = await EvaluateAsync(Good);

        Assert.All(outcome.Results.Values, r => Assert.Equal(StageStatus.Completed, r.Status));
        var final = Final(outcome);
        Assert.Equal(3.5, final.Values["fitness"]);
        Assert.Equal(1, final.Values["is_valid"]);
        Assert.True(final.IsValid);
        Assert.Empty(final.Notes);
        Assert.True(final.Values["complexity"] > 0);
        Assert.True(final.Values.ContainsKey("complexity_lines"));
        Assert.Equal("3.5", outcome.Results["run"].Summary);
        Assert.Contains("fitness=3.5", outcome.Results["finalize"].Summary);
        Assert.Null(EvaluationPipeline.FailureReason(outcome.Results));
    }

    [Theory]
    [InlineData("50", 10)]
    [InlineData("-5", 0)]
    public async Task Evaluate_FitnessOutOfBounds_IsClampedToTheBound(string returned, double expected)
    {
        var outcome = await EvaluateAsync($"def entrypoint():\n    return {returned}\n");

        var final = Final(outcome);
        Assert.Equal(expected, final.Values["fitness"]);
        Assert.True(final.IsValid);
        Assert.Equal(double.Parse(returned, System.Globalization.CultureInfo.InvariantCulture),
            Assert.IsType<ValidationMetrics>(outcome.Values["validate"]).Values["fitness"]);
    }

    [Fact]
    public async Task Evaluate_SyntaxError_FailsSyntaxWithTheLineSkipsTheRestAndFinalizesWithSentinels()
    {
        var outcome = await EvaluateAsync("import math\n\ndef entrypoint(:\n    return 1\n");

        var syntax = outcome.Results["syntax"];
        Assert.Equal(StageStatus.Failed, syntax.Status);
        Assert.Contains("syntax error at line 3", syntax.Error);
        Assert.Equal(StageStatus.Skipped, outcome.Results["run"].Status);
        Assert.Contains("'syntax'", outcome.Results["run"].Error);
        Assert.Equal(StageStatus.Skipped, outcome.Results["validate"].Status);
        Assert.Contains("'run'", outcome.Results["validate"].Error);
        Assert.Equal(StageStatus.Skipped, outcome.Results["complexity"].Status);
        AssertSentinel(outcome);
        Assert.Contains("validation did not complete: sentinel values", Final(outcome).Notes);
        Assert.StartsWith("syntax: syntax error at line 3", EvaluationPipeline.FailureReason(outcome.Results));
    }

    [Fact]
    public async Task Evaluate_NoEntrypoint_FailsSyntaxAndFinalizesWithSentinels()
    {
        var outcome = await EvaluateAsync("def main():\n    return 3.5\n");

        Assert.Equal(StageStatus.Failed, outcome.Results["syntax"].Status);
        Assert.Contains("no top-level function 'entrypoint'", outcome.Results["syntax"].Error);
        Assert.Equal(StageStatus.Skipped, outcome.Results["run"].Status);
        Assert.Equal(StageStatus.Skipped, outcome.Results["validate"].Status);
        AssertSentinel(outcome);
    }

    [Fact]
    public async Task Evaluate_ProgramRaises_FailsRunWithTracebackSkipsValidateAndFinalizesWithSentinels()
    {
        var outcome = await EvaluateAsync("def helper():\n    raise ValueError('boom from the program')\n\ndef entrypoint():\n    return helper()\n");

        var run = outcome.Results["run"];
        Assert.Equal(StageStatus.Failed, run.Status);
        Assert.Contains("ValueError: boom from the program", run.Error);
        Assert.Contains("Traceback", run.Traceback);
        Assert.Contains("in helper", run.Traceback);
        Assert.Equal(StageStatus.Skipped, outcome.Results["validate"].Status);
        // Complexity depends on syntax only, so it still completes and its metrics reach finalize.
        Assert.Equal(StageStatus.Completed, outcome.Results["complexity"].Status);
        AssertSentinel(outcome);
        Assert.True(Final(outcome).Values["complexity"] > 0);
        Assert.StartsWith("run: ValueError", EvaluationPipeline.FailureReason(outcome.Results));
    }

    [Fact]
    public async Task Evaluate_ValidatorReturnsNaN_FitnessIsTheSentinel()
    {
        var outcome = await EvaluateAsync("def entrypoint():\n    return float('nan')\n");

        Assert.Equal(StageStatus.Completed, outcome.Results["run"].Status);
        Assert.Equal(StageStatus.Completed, outcome.Results["validate"].Status);
        var final = Final(outcome);
        Assert.Equal(-1, final.Values["fitness"]);
        Assert.Contains("'fitness' was NaN", final.Notes);
        Assert.False(final.IsValid);
    }

    [Fact]
    public async Task Evaluate_ValidatorOmitsAMetric_SentinelForItAndANote()
    {
        var outcome = await EvaluateAsync(Good, validator: "def validate(output):\n    return {\"is_valid\": 1}\n");

        Assert.Equal(StageStatus.Completed, outcome.Results["validate"].Status);
        var final = Final(outcome);
        Assert.Equal(-1, final.Values["fitness"]);
        Assert.Contains("validate() returned no 'fitness'", final.Notes);
        Assert.Contains("validate() returned no 'fitness'", outcome.Results["finalize"].Summary);
        Assert.False(final.IsValid);
    }

    [Fact]
    public async Task Evaluate_ValidatorRaises_FailsValidateAndFinalizesWithSentinels()
    {
        var outcome = await EvaluateAsync(Good, validator: "def validate(output):\n    raise RuntimeError('validator broke')\n");

        Assert.Equal(StageStatus.Completed, outcome.Results["run"].Status);
        Assert.Equal(StageStatus.Failed, outcome.Results["validate"].Status);
        Assert.Contains("RuntimeError: validator broke", outcome.Results["validate"].Error);
        AssertSentinel(outcome);
    }

    [Fact]
    public async Task Evaluate_ProgramExceedsTheRunTimeout_RunTimedOutAndFinalizesWithSentinels()
    {
        var settings = new PipelineSettings { RunTimeoutSeconds = 1 };

        var outcome = await EvaluateAsync("import time\n\ndef entrypoint():\n    time.sleep(60)\n    return 1\n", settings: settings);

        var run = outcome.Results["run"];
        Assert.Equal(StageStatus.TimedOut, run.Status);
        Assert.Contains("timed out", run.Error);
        Assert.Equal(StageStatus.Skipped, outcome.Results["validate"].Status);
        Assert.Contains("timedout", outcome.Results["validate"].Error);
        AssertSentinel(outcome);
        Assert.StartsWith("run: timed out", EvaluationPipeline.FailureReason(outcome.Results));
    }

    [Fact]
    public async Task Evaluate_SameCodeTwiceWithOneCache_SecondIsServedFromTheCache()
    {
        var runner = Runner();

        var first = await runner.RunAsync(NewProgram(Good), null, CancellationToken.None);
        var second = await runner.RunAsync(NewProgram(Good), null, CancellationToken.None);

        Assert.False(first.Results["run"].FromCache);
        foreach (var stage in new[] { "syntax", "run", "validate", "complexity" })
        {
            Assert.True(second.Results[stage].FromCache, stage);
        }
        Assert.False(second.Results["finalize"].FromCache);
        Assert.Equal(3.5, Final(second).Values["fitness"]);
    }
}
