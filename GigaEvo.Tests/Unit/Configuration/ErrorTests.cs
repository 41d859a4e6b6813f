using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

public sealed class ErrorTests
{
    [Fact]
    public void Compose_UnknownKeyCloseToAValidOne_SuggestsItAndListsValidKeys()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("max_generation=5"));

        Assert.Contains("'max_generation'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean max_generations?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Valid keys:", error.Message, StringComparison.Ordinal);
        Assert.Contains("llm.models.<i>.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("model_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnknownKeyInAListItem_SuggestsWithTheSameIndex()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("islands.0.selecton=uniform"));

        Assert.Contains("Did you mean islands.0.selection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_MisspelledAlias_SuggestsTheAlias()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("temprature=0.5"));

        Assert.Contains("temperature", error.Message.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnrelatedUnknownKey_ListsValidKeysWithoutSuggestion()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("zzz=1"));

        Assert.Contains("'zzz'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("max_generations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_KeyBelowAScalar_IsUnknown()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("seed.value=1"));

        Assert.Contains("'seed.value'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnknownPreset_ListsAvailablePresets()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("experiment=nope"));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("base, full_featured, multi_island_complexity, multi_llm_exploration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_generations=abc", "max_generations", "'abc'", "an integer")]
    [InlineData("max_generations=1.5", "max_generations", "'1.5'", "an integer")]
    [InlineData("pipeline.cache=maybe", "pipeline.cache", "'maybe'", "a boolean")]
    [InlineData("temperature=hot", "llm.temperature", "'hot'", "a number")]
    [InlineData("llm.token_budget=lots", "llm.token_budget", "'lots'", "an integer or null")]
    [InlineData("islands=fitness", "islands", "'fitness'", "a list")]
    [InlineData("max_generations=null", "max_generations", "'null'", "an integer")]
    public void Compose_ValueOfTheWrongType_NamesKeyValueAndExpectedType(string item, string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose(item));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_generations")]
    [InlineData("=5")]
    [InlineData("islands..name=x")]
    public void Compose_MalformedOverride_SaysKeyEqualsValueIsExpected(string item)
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose(item));

        Assert.Contains("Malformed override", error.Message, StringComparison.Ordinal);
        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_MalformedApiKeyOverride_DoesNotEchoIt()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("llm.api_key sk-secret"));

        Assert.DoesNotContain("sk-secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_generations=-1", "max_generations")]
    [InlineData("programs_per_generation=0", "programs_per_generation")]
    [InlineData("max_parallel_programs=0", "max_parallel_programs")]
    [InlineData("max_parallel_stages=0", "max_parallel_stages")]
    [InlineData("islands.0.axes.1.bins=0", "islands.0.axes.1.bins")]
    [InlineData("mutation.diff_ratio=1.5", "mutation.diff_ratio")]
    [InlineData("temperature=2.5", "llm.temperature")]
    [InlineData("temperature=.nan", "llm.temperature")]
    [InlineData("redis.db=16", "redis.db")]
    [InlineData("islands.0.selection=roulette", "islands.0.selection")]
    [InlineData("llm.router=random", "llm.router")]
    [InlineData("mutation.operator=magic", "mutation.operator")]
    [InlineData("islands=[]", "islands")]
    [InlineData("llm.base_url=not a url", "llm.base_url")]
    public void Compose_ValueOutOfRange_NamesTheKey(string item, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose(item));

        Assert.StartsWith("Invalid configuration:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{key}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SelectionNotAllowed_ListsAllowedValues()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("islands.0.selection=roulette"));

        Assert.Contains("fitness_proportional, tournament, uniform", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DuplicateIslandNames_NamesTheSecondIsland()
    {
        var error = Assert.Throws<ConfigurationException>(
            () => PresetFolders.Compose("experiment=multi_island_complexity", "islands.1.name=fitness"));

        Assert.Contains("islands.1.name", error.Message, StringComparison.Ordinal);
        Assert.Contains("unique", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ListIndexOutOfRange_SaysHowManyItemsThereAre()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("islands.5.name=x"));

        Assert.Contains("islands.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 item", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ListSegmentNotANumber_SaysItIsNotAnIndex()
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose("islands.first.name=x"));

        Assert.Contains("'first' is not a list index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoDefaultsYaml_ThrowsNamingTheFolder()
    {
        var empty = Path.Combine(Path.GetTempPath(), "gigaevo-empty-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<ConfigurationException>(() => ConfigComposer.Compose(empty, []));

        Assert.Contains("defaults.yaml", error.Message, StringComparison.Ordinal);
    }
}
