using GigaEvo.Core.Configuration;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using GigaEvo.Core.Python;
using GigaEvo.Tests.Integration.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Tests.Integration.MachineLearning;

/// <summary>Generates template problems once and evaluates programs through the real pipeline.</summary>
public sealed class MlFixture : IAsyncLifetime
{
    public IPythonRunner Runner { get; } = PythonRunnerFactory.Create("forkserver", o => o.MemoryLimitMb = 4096);

    public MlTemplateService Templates { get; } = new(Options.Create(new PythonOptions()));

    public ProblemLoader Loader { get; } = new(new PythonCodeInspector(Options.Create(new PythonOptions())));

    public string Root { get; } = Directory.CreateTempSubdirectory("gigaevo-ml-").FullName;

    public async Task<ProblemDefinition> TemplateProblemAsync(string name)
    {
        var dir = Path.Combine(Root, name);
        if (!Directory.Exists(dir))
        {
            await Templates.CreateProblemAsync(MlTemplateCatalog.Find(name)!, dir);
        }
        return await Loader.LoadAsync(dir);
    }

    /// <summary>Evaluates code through the standard DAG with the problem's search (or hold-out) context.</summary>
    public async Task<FinalMetrics> EvaluateAsync(ProblemDefinition problem, string code, bool holdout = false)
    {
        var runDir = Directory.CreateTempSubdirectory("gigaevo-mlrun-").FullName;
        var context = holdout
            ? await GigaEvo.Core.Evolution.RunContext.EnsureHoldoutAsync(problem, runDir, Runner, CancellationToken.None)
            : await GigaEvo.Core.Evolution.RunContext.EnsureAsync(problem, runDir, Runner, CancellationToken.None);
        var env = new EvaluationEnvironment(problem, Path.Combine(runDir, "ws"), context, new PipelineSettings(), Runner);
        var program = new EvolvedProgram { Id = Guid.NewGuid(), Code = code, CreatedAt = DateTimeOffset.UtcNow, Lineage = new Lineage { MutationKind = "test" } };
        var outcome = await new DagRunner(EvaluationPipeline.Build(env), null, 2, TimeProvider.System).RunAsync(program, null, CancellationToken.None);
        var final = (FinalMetrics)outcome.Values["finalize"];
        Assert.True(final.IsValid, $"invalid: {EvaluationPipeline.FailureReason(outcome.Results)} {string.Join("; ", final.Notes)} {outcome.Results["validate"].Traceback}");
        return final;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Runner.DisposeAsync();
}
