using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

public sealed class ConfigKeysTests
{
    [Fact]
    public void LeafKeys_Settings_IncludeNestedAndListItemKeys()
    {
        Assert.Contains("max_generations", ConfigKeys.LeafKeys);
        Assert.Contains("islands.<i>.axes.<i>.bins", ConfigKeys.LeafKeys);
        Assert.Contains("llm.models.<i>.input_price_per_million", ConfigKeys.LeafKeys);
        Assert.Contains("pipeline.forbidden_imports", ConfigKeys.LeafKeys);
        Assert.DoesNotContain("islands", ConfigKeys.LeafKeys);
    }

    [Fact]
    public void All_Aliases_FollowTheLeafKeys()
    {
        Assert.Equal(["temperature", "model_name"], ConfigKeys.All.TakeLast(2));
    }

    [Theory]
    [InlineData("max_generation", "max_generations")]
    [InlineData("generations", "max_generations")]
    [InlineData("llm.temprature", "llm.temperature")]
    [InlineData("islands.1.tournament", "islands.1.tournament_size")]
    [InlineData("tournament_size", "islands.<i>.tournament_size")]
    public void Suggest_CloseKey_ReturnsTheValidKey(string typed, string expected)
    {
        Assert.Contains(expected, ConfigKeys.Suggest(typed));
    }

    [Fact]
    public void Suggest_NothingClose_ReturnsNothing()
    {
        Assert.Empty(ConfigKeys.Suggest("qqqqqqqq"));
    }
}
