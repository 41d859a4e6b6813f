using GigaEvo.Core.Experiments;

namespace GigaEvo.Tests.Unit.Experiments;

public sealed class ExperimentRequestTests
{
    private static readonly PlatformOptions Options = new() { Models = ["gpt-4o-mini"], LlmBaseUrl = "http://127.0.0.1:1/v1" };
    private static readonly IReadOnlyList<string> Presets = ["base", "full_featured"];

    [Fact]
    public void Validate_CompleteMlRequest_HasNoErrors()
    {
        var request = new ExperimentRequest { Name = "Iris", TaskType = "classification", DatasetId = "DS-1", TargetColumn = "species", Metric = "accuracy", Generations = 5, Model = "gpt-4o-mini", Preset = "full_featured" };
        Assert.Empty(ExperimentRequestValidator.Validate(request, Options, Presets));
    }

    [Fact]
    public void Validate_CustomTask_NeedsExactlyOneProblemAndNoDataFields()
    {
        Assert.Contains("problem", ExperimentRequestValidator.Validate(new ExperimentRequest { Name = "x", TaskType = "custom" }, Options, Presets).Keys);
        Assert.Contains("problem", ExperimentRequestValidator.Validate(new ExperimentRequest { Name = "x", TaskType = "custom", Problem = "a", ProblemUploadId = "UP-1" }, Options, Presets).Keys);
        Assert.Empty(ExperimentRequestValidator.Validate(new ExperimentRequest { Name = "x", TaskType = "custom", Problem = "trivial" }, Options, Presets));
        Assert.Contains("problem", ExperimentRequestValidator.Validate(new ExperimentRequest { Name = "x", TaskType = "regression", DatasetId = "d", TargetColumn = "t", Problem = "trivial" }, Options, Presets).Keys);
    }

    [Fact]
    public void Validate_Clustering_NeedsNoTargetButTwoClusters()
    {
        var errors = ExperimentRequestValidator.Validate(new ExperimentRequest { Name = "x", TaskType = "clustering", DatasetId = "d", Clusters = 1, Metric = "accuracy" }, Options, Presets);
        Assert.Equal(["clusters", "metric"], errors.Keys.Order());
    }

    [Fact]
    public void Validate_ReservedOverrides_AreRefusedByName()
    {
        var errors = ExperimentRequestValidator.Validate(new ExperimentRequest
        {
            Name = "x", TaskType = "custom", Problem = "trivial", Overrides = ["problem.dir=/etc", "seed=3", "output.run_dir = /tmp"],
        }, Options, Presets);
        Assert.Equal(2, errors["overrides"].Length);
        Assert.Contains("problem.dir", errors["overrides"][0]);
    }

    [Fact]
    public void Overrides_FromRequestAndForRun_CarryEveryField()
    {
        var stored = ExperimentOverrides.FromRequest(new ExperimentRequest { Islands = 3, Parallelism = 4, Seed = 9, Overrides = [" migration.interval=2 "] });
        Assert.Equal(["islands=[{name: island_1}, {name: island_2}, {name: island_3}]", "max_parallel_programs=4", "seed=9", "migration.interval=2"], stored);
        var experiment = new Experiment { Id = "EXP-1", Name = "n", TaskType = "custom", ProblemKey = "k", Metric = "fitness", Model = "gpt-4o-mini", Preset = "base", Generations = 7, Overrides = stored };
        var run = ExperimentOverrides.ForRun(experiment, "/p", "/r", new PlatformOptions { LlmBaseUrl = "http://x/v1", LlmApiKey = "secret" });
        Assert.Equal(["experiment=base", "problem.dir=/p", "max_generations=7", "output.run_dir=/r", "mutation.operator=llm", "model_name=gpt-4o-mini",
            "llm.base_url=http://x/v1", "llm.api_key=secret", .. stored], run);
        experiment.Model = Models.LocalOperator;
        var local = ExperimentOverrides.ForRun(experiment, "/p", "/r", new PlatformOptions());
        Assert.Contains("mutation.operator=local", local);
    }
}
