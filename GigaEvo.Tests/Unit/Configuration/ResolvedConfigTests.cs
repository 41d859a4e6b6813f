using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

public sealed class ResolvedConfigTests
{
    [Fact]
    public void ToYaml_ApiKeySet_RedactsItInTreeAndHeader()
    {
        var config = PresetFolders.Compose("llm.api_key=sk-very-secret", "llm.base_url=http://localhost:8000/v1");

        var yaml = config.ToYaml();

        Assert.DoesNotContain("sk-very-secret", yaml, StringComparison.Ordinal);
        Assert.Contains("#   llm.api_key=***", yaml, StringComparison.Ordinal);
        Assert.Matches(@"\n  api_key: ['""]?\*\*\*['""]?\n", yaml);
        Assert.Equal("sk-very-secret", config.Settings.Llm.ApiKey);
    }

    [Fact]
    public void ToYaml_ApiKeyInAFlowMap_IsRedactedToo()
    {
        var yaml = PresetFolders.Compose("llm={api_key: sk-flow-secret}").ToYaml();

        Assert.DoesNotContain("sk-flow-secret", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToYaml_NoApiKey_WritesNull()
    {
        Assert.Contains("\n  api_key: null\n", PresetFolders.Compose().ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToYaml_Header_NamesPresetAndOverrides()
    {
        var yaml = PresetFolders.Compose("experiment=full_featured", "max_generations=50").ToYaml();

        Assert.Contains("# preset: full_featured\n", yaml, StringComparison.Ordinal);
        Assert.Contains("#   experiment=full_featured\n#   max_generations=50\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\nmax_generations: 50\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResolved_WrittenYaml_GivesTheSameSettingsButNoApiKey()
    {
        var original = PresetFolders.Compose(
            "experiment=full_featured", "problem.name=heilbron", "llm.api_key=sk-x", "llm.base_url=http://h:1/v1",
            "llm.cost_budget=3.25", "islands.1.axes.1.max=512.5", "pipeline.forbidden_imports=[ctypes, os]", "seed=7");

        var reread = ConfigComposer.LoadResolved(original.ToYaml());

        Assert.Null(reread.Settings.Llm.ApiKey);
        Assert.Equal("full_featured", reread.Preset);
        var expected = original.Settings with { Llm = original.Settings.Llm with { ApiKey = null } };
        Assert.Equal(YamlTreeWriter.Write(SettingsBinder.ToTree(expected)), YamlTreeWriter.Write(reread.Tree));
        Assert.Equal(["ctypes", "os"], reread.Settings.Pipeline.ForbiddenImports);
    }

    [Fact]
    public void LoadResolved_StringsThatLookTyped_ComeBackAsStrings()
    {
        var original = PresetFolders.Compose("problem.name='null'", "problem.dir=123", "output.root='true'", "model_name=0.5");

        var settings = ConfigComposer.LoadResolved(original.ToYaml()).Settings;

        Assert.Equal(("null", "123", "true"), (settings.Problem.Name, settings.Problem.Dir, settings.Output.Root));
        Assert.Equal("0.5", settings.Llm.Models[0].Name);
    }

    [Fact]
    public void LoadResolved_WithOverrides_AppliesThem()
    {
        var yaml = PresetFolders.Compose("max_generations=10").ToYaml();

        var settings = ConfigComposer.LoadResolved(yaml, ["max_generations=30", "llm.api_key=sk-again"]).Settings;

        Assert.Equal((30, "sk-again"), (settings.MaxGenerations, settings.Llm.ApiKey));
    }

    [Fact]
    public void LoadResolved_ExperimentOverride_IsRefused()
    {
        var yaml = PresetFolders.Compose().ToYaml();

        var error = Assert.Throws<ConfigurationException>(() => ConfigComposer.LoadResolved(yaml, ["experiment=full_featured"]));

        Assert.Contains("experiment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResolved_UnknownKeyInFile_NamesKeyAndFile()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigComposer.LoadResolved("seed: 1\nbogus: 2\n", source: "run/config.yaml"));

        Assert.Contains("'bogus'", error.Message, StringComparison.Ordinal);
        Assert.Contains("run/config.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResolved_InvalidYaml_NamesTheLine()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigComposer.LoadResolved("seed: 1\n  max_generations: 2\n", source: "run/config.yaml"));

        Assert.Contains("run/config.yaml: invalid YAML at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResolved_UnterminatedFlowList_IsAConfigurationError()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigComposer.LoadResolved("seed: [1\nmax_generations: 2\n"));

        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_Path_WritesFileThatLoadsBack()
    {
        var path = Path.Combine(Path.GetTempPath(), "gigaevo-run-" + Guid.NewGuid().ToString("N"), "config.yaml");
        try
        {
            PresetFolders.Compose("experiment=multi_island_complexity").WriteTo(path);

            Assert.Equal(2, ConfigComposer.LoadResolvedFile(path).Settings.Islands.Count);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void FromSettings_SettingsBuiltInCode_WritesThem()
    {
        var settings = new EvolutionSettings { Seed = 99, Experiment = "custom" };

        var yaml = ConfigComposer.FromSettings(settings).ToYaml();

        Assert.Equal(99, ConfigComposer.LoadResolved(yaml).Settings.Seed);
        Assert.Contains("# preset: custom\n", yaml, StringComparison.Ordinal);
    }
}
