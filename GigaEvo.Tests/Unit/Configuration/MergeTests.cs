using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

public sealed class MergeTests
{
    [Fact]
    public void Compose_PresetSetsOneNestedKey_KeepsItsSiblings()
    {
        using var presets = new TempPresets(("hot", "defaults: []\nllm:\n  temperature: 1.5\n"));

        var llm = presets.Compose("experiment=hot").Settings.Llm;

        Assert.Equal(1.5, llm.Temperature);
        Assert.Equal(4096, llm.MaxTokens);
        Assert.Equal("weighted", llm.Router);
    }

    [Fact]
    public void Compose_PresetGivesAList_ReplacesTheWholeList()
    {
        using var presets = new TempPresets(("one", "defaults: []\nislands:\n  - name: solo\n    axes: [{metric: fitness, bins: 4}]\n"));

        var island = Assert.Single(presets.Compose("experiment=one").Settings.Islands);

        Assert.Equal("solo", island.Name);
        Assert.Equal(4, Assert.Single(island.Axes).Bins);
        Assert.Null(island.Axes[0].Min);
    }

    [Fact]
    public void Compose_ChildOfParent_ChildWinsParentFillsTheRest()
    {
        using var presets = new TempPresets(
            ("parent", "defaults: []\nseed: 1\nmax_generations: 3\n"),
            ("child", "defaults: [parent]\nseed: 2\n"));

        var settings = presets.Compose("experiment=child").Settings;

        Assert.Equal((2, 3), (settings.Seed, settings.MaxGenerations));
    }

    [Fact]
    public void Compose_SharedGrandparent_IsMergedOnceBeforeBothParents()
    {
        using var presets = new TempPresets(
            ("root", "defaults: []\nseed: 1\n"),
            ("left", "defaults: [root]\nseed: 2\n"),
            ("right", "defaults: [root]\nmax_generations: 9\n"),
            ("top", "defaults: [left, right]\n"));

        var settings = presets.Compose("experiment=top").Settings;

        Assert.Equal((2, 9), (settings.Seed, settings.MaxGenerations));
    }

    [Fact]
    public void Compose_PresetsInACycle_ThrowsNamingTheCycle()
    {
        using var presets = new TempPresets(("a", "defaults: [b]\n"), ("b", "defaults: [a]\n"));

        var error = Assert.Throws<ConfigurationException>(() => presets.Compose("experiment=a"));

        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PresetWithUnknownKey_ThrowsNamingFileAndKey()
    {
        using var presets = new TempPresets(("typo", "defaults: []\nmutation:\n  diff_ration: 0.5\n"));

        var error = Assert.Throws<ConfigurationException>(() => presets.Compose("experiment=typo"));

        Assert.Contains("mutation.diff_ration", error.Message, StringComparison.Ordinal);
        Assert.Contains("typo.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("mutation.diff_ratio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ParentMissing_ThrowsNamingTheChild()
    {
        using var presets = new TempPresets(("orphan", "defaults: [ghost]\n"));

        var error = Assert.Throws<ConfigurationException>(() => presets.Compose("experiment=orphan"));

        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
        Assert.Contains("orphan.yaml", error.Message, StringComparison.Ordinal);
    }
}
