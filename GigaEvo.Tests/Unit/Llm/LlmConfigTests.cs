using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation;
using GigaEvo.Tests.Unit.Configuration;

namespace GigaEvo.Tests.Unit.Llm;

public sealed class LlmConfigTests
{
    [Fact]
    public void ToYaml_PerModelApiKey_IsRedactedAndReadsBackAsNull()
    {
        var config = PresetFolders.Compose("experiment=multi_llm_exploration", "llm.base_url=http://h:1/v1", "llm.models.1.api_key=sk-model-secret", "llm.api_key=sk-run-secret");

        var yaml = config.ToYaml();
        var reread = ConfigComposer.LoadResolved(yaml);

        Assert.DoesNotContain("sk-model-secret", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-run-secret", yaml, StringComparison.Ordinal);
        Assert.Null(reread.Settings.Llm.Models[1].ApiKey);
        Assert.Equal("sk-model-secret", config.Settings.Llm.Models[1].ApiKey);
    }

    [Fact]
    public void ToYaml_ModelsFlowListWithAKey_HidesTheWholeOverride()
    {
        var yaml = PresetFolders.Compose("llm.models=[{name: m, api_key: sk-in-a-list}]").ToYaml();
        Assert.DoesNotContain("sk-in-a-list", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "llm.base_url=http://h:1/v1" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "llm.base_url=http://h:1/v1", "mutation.operator=local" }, false)]
    [InlineData(new[] { "llm.models=[{name: a, base_url: 'http://h:1/v1'}]" }, true)]
    public void UsesLlm_BaseUrlConfigured_ChoosesTheAgent(string[] overrides, bool expected)
    {
        Assert.Equal(expected, MutationOperators.UsesLlm(PresetFolders.Compose(overrides).Settings));
    }

    [Theory]
    [InlineData("mutation.operator=llm", "llm.base_url: mutation.operator=llm needs an endpoint")]
    [InlineData("llm.models=[{name: a}, {name: a}]", "model 'a' is listed twice")]
    [InlineData("llm.insights_model=nope", "llm.insights_model: 'nope' is not one of llm.models")]
    [InlineData("llm.models.0.base_url=ftp://x", "llm.models.0.base_url: 'ftp://x' is not an absolute http(s) URL")]
    [InlineData("llm.max_parallel=0", "llm.max_parallel: 0 is out of range")]
    public void Compose_BadLlmSettings_NameTheKey(string overrideText, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PresetFolders.Compose(overrideText));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
