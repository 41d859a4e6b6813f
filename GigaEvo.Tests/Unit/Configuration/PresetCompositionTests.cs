using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

public sealed class PresetCompositionTests
{
    [Theory]
    [InlineData("base", 1, 1, false)]
    [InlineData("multi_island_complexity", 2, 1, false)]
    [InlineData("multi_llm_exploration", 1, 2, false)]
    [InlineData("full_featured", 2, 2, true)]
    public void Compose_EachPreset_BindsItsShape(string preset, int islands, int models, bool insights)
    {
        var config = PresetFolders.Compose($"experiment={preset}");

        Assert.Equal(preset, config.Preset);
        Assert.Equal(preset, config.Settings.Experiment);
        Assert.Equal(islands, config.Settings.Islands.Count);
        Assert.Equal(models, config.Settings.Llm.Models.Count);
        Assert.Equal(insights, config.Settings.Mutation.Insights);
    }

    [Fact]
    public void ListPresets_RealFolder_ListsTheFourPresetsButNotDefaults()
    {
        Assert.Equal(
            ["base", "full_featured", "multi_island_complexity", "multi_llm_exploration"],
            ConfigComposer.ListPresets(PresetFolders.Real));
    }

    [Fact]
    public void Compose_NoOverrides_UsesBaseWithOneFitnessIsland()
    {
        var settings = PresetFolders.Compose().Settings;

        Assert.Equal("base", settings.Experiment);
        var island = Assert.Single(settings.Islands);
        Assert.Equal("fitness", island.Name);
        Assert.Equal("tournament", island.Selection);
        Assert.Equal(["fitness", "is_valid"], island.Axes.Select(a => a.Metric));
    }

    [Fact]
    public void Compose_Base_EqualsTheSettingsRecordDefaults()
    {
        var composed = PresetFolders.Compose().Tree;

        var expected = SettingsBinder.ToTree(new EvolutionSettings());
        Assert.Equal(YamlTreeWriter.Write(expected), YamlTreeWriter.Write(composed));
    }

    [Fact]
    public void DefaultsYaml_LeafKeys_MirrorTheSettingsRecordExactly()
    {
        var tree = YamlTreeReader.ReadDocument(File.ReadAllText(Path.Combine(PresetFolders.Real, "defaults.yaml")), "defaults.yaml");

        var keys = Leaves(tree, "").Distinct().ToList();

        Assert.Equal(ConfigKeys.LeafKeys, keys);
    }

    [Fact]
    public void Compose_MultiIslandComplexity_AddsSimplicityIslandAndMigration()
    {
        var settings = PresetFolders.Compose("experiment=multi_island_complexity").Settings;

        var simplicity = settings.Islands[1];
        Assert.Equal("simplicity", simplicity.Name);
        var complexity = simplicity.Axes.Single(a => a.Metric == "complexity");
        Assert.Equal((0.0, 400.0), (complexity.Min, complexity.Max));
        Assert.Equal((5, 2), (settings.Migration.Interval, settings.Migration.Count));
    }

    [Fact]
    public void Compose_MultiLlmExploration_WeightsModelsAndAsksForDiffs()
    {
        var settings = PresetFolders.Compose("experiment=multi_llm_exploration").Settings;

        Assert.Equal([0.7, 0.3], settings.Llm.Models.Select(m => m.Weight));
        Assert.Equal(0.6, settings.Mutation.DiffRatio);
    }

    [Fact]
    public void Compose_FullFeatured_KeepsIslandsOfFirstParentAndModelsOfSecond()
    {
        var settings = PresetFolders.Compose("experiment=full_featured").Settings;

        // base is reached through both parents; merged once, it cannot reset the islands.
        Assert.Equal(["fitness", "simplicity"], settings.Islands.Select(i => i.Name));
        Assert.Equal(["gpt-4o-mini", "gpt-4o"], settings.Llm.Models.Select(m => m.Name));
        Assert.True(settings.Mutation.Insights);
        Assert.Equal(2, settings.Mutation.MaxRetries);
    }

    private static IEnumerable<string> Leaves(ConfigNode node, string prefix) => node switch
    {
        ConfigMap map => map.Entries.SelectMany(e => Leaves(e.Value, prefix.Length == 0 ? e.Key : $"{prefix}.{e.Key}")),
        ConfigList { Count: > 0 } list when list[0] is ConfigMap => list.Items.SelectMany(i => Leaves(i, $"{prefix}.<i>")),
        _ => [prefix],
    };
}
