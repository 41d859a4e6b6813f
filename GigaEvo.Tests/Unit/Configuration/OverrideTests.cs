using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

public sealed class OverrideTests
{
    [Fact]
    public void Compose_ScalarOverrides_SetTopLevelAndNestedKeys()
    {
        var settings = PresetFolders.Compose(
            "max_generations=50", "seed=7", "redis.db=5", "problem.name=heilbron", "problem.dir=/tmp/my problem",
            "llm.base_url=http://localhost:8000/v1", "llm.api_key=sk-test", "pipeline.cache=false").Settings;

        Assert.Equal((50, 7, 5), (settings.MaxGenerations, settings.Seed, settings.Redis.Db));
        Assert.Equal(("heilbron", "/tmp/my problem"), (settings.Problem.Name, settings.Problem.Dir));
        Assert.Equal(("http://localhost:8000/v1", "sk-test"), (settings.Llm.BaseUrl, settings.Llm.ApiKey));
        Assert.False(settings.Pipeline.Cache);
    }

    [Fact]
    public void Compose_ValueLooksLikeANumber_StaysTextForAStringKey()
    {
        var settings = PresetFolders.Compose("problem.name=0123", "llm.api_key=true").Settings;

        Assert.Equal(("0123", "true"), (settings.Problem.Name, settings.Llm.ApiKey));
    }

    [Fact]
    public void Compose_NullAndNumbersForNullableKeys_AreTyped()
    {
        var settings = PresetFolders.Compose("problem.name=null", "llm.token_budget=100000", "llm.cost_budget=2.5", "islands.0.axes.0.min=-1e3").Settings;

        Assert.Null(settings.Problem.Name);
        Assert.Equal(100000L, settings.Llm.TokenBudget);
        Assert.Equal(2.5, settings.Llm.CostBudget);
        Assert.Equal(-1000.0, settings.Islands[0].Axes[0].Min);
    }

    [Fact]
    public void Compose_ListIndexOverrides_EditOneItem()
    {
        var settings = PresetFolders.Compose(
            "experiment=full_featured", "islands.0.selection=uniform", "llm.models.1.weight=0.5", "islands.1.axes.1.bins=4").Settings;

        Assert.Equal(["uniform", "tournament"], settings.Islands.Select(i => i.Selection));
        Assert.Equal([0.7, 0.5], settings.Llm.Models.Select(m => m.Weight));
        Assert.Equal(4, settings.Islands[1].Axes[1].Bins);
    }

    [Fact]
    public void Compose_IndexOneBeyondTheEnd_AppendsAnItemWithDefaults()
    {
        var models = PresetFolders.Compose("llm.models.1.name=local-model", "llm.models.1.weight=0.2").Settings.Llm.Models;

        Assert.Equal(["gpt-4o-mini", "local-model"], models.Select(m => m.Name));
        Assert.Equal(0.2, models[1].Weight);
    }

    [Fact]
    public void Compose_FlowListValue_ReplacesTheList()
    {
        var axes = PresetFolders.Compose("islands.0.axes=[{metric: fitness, bins: 5}, {metric: complexity, bins: 3, max: 200}]").Settings.Islands[0].Axes;

        Assert.Equal(["fitness", "complexity"], axes.Select(a => a.Metric));
        Assert.Equal((5, 3), (axes[0].Bins, axes[1].Bins));
        Assert.Equal(200.0, axes[1].Max);
    }

    [Fact]
    public void Compose_FlowMapOnASection_MergesIntoIt()
    {
        var migration = PresetFolders.Compose("migration={interval: 3}").Settings.Migration;

        Assert.Equal((3, 2), (migration.Interval, migration.Count));
    }

    [Fact]
    public void Compose_QuotedValue_IsUnquoted()
    {
        Assert.Equal("null", PresetFolders.Compose("problem.name='null'").Settings.Problem.Name);
    }

    [Fact]
    public void Compose_TemperatureAlias_SetsLlmTemperature()
    {
        Assert.Equal(0.8, PresetFolders.Compose("temperature=0.8").Settings.Llm.Temperature);
    }

    [Fact]
    public void Compose_ModelNameAlias_MakesItTheOnlyModel()
    {
        var models = PresetFolders.Compose("experiment=multi_llm_exploration", "model_name=qwen2.5-coder").Settings.Llm.Models;

        var model = Assert.Single(models);
        Assert.Equal(("qwen2.5-coder", 1.0, 0.0), (model.Name, model.Weight, model.InputPricePerMillion));
    }

    [Fact]
    public void Compose_ModelNameAliasOfAConfiguredModel_KeepsItsPrices()
    {
        var model = Assert.Single(PresetFolders.Compose("experiment=multi_llm_exploration", "model_name=gpt-4o").Settings.Llm.Models);

        Assert.Equal((1.0, 2.5, 10.0), (model.Weight, model.InputPricePerMillion, model.OutputPricePerMillion));
    }

    [Fact]
    public void Compose_ExperimentGivenLast_IsAppliedBeforeOtherOverrides()
    {
        var config = PresetFolders.Compose("llm.models.1.weight=0.5", "max_generations=5", "experiment=multi_llm_exploration");

        Assert.Equal("multi_llm_exploration", config.Preset);
        Assert.Equal([0.7, 0.5], config.Settings.Llm.Models.Select(m => m.Weight));
        Assert.Equal(5, config.Settings.MaxGenerations);
    }

    [Fact]
    public void Compose_SameKeyTwice_LastWins()
    {
        Assert.Equal(2, PresetFolders.Compose("seed=1", "seed=2").Settings.Seed);
    }

    [Fact]
    public void Compose_Overrides_AppearInTheResolvedTree()
    {
        var tree = PresetFolders.Compose("max_generations=50", "temperature=0.9").Tree;

        Assert.Equal("50", ((ConfigScalar)tree.Find("max_generations")!).Text);
        Assert.Equal("0.9", ((ConfigScalar)tree.Find("llm.temperature")!).Text);
    }
}
