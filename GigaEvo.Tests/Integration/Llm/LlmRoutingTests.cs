using GigaEvo.Core.Evolution;
using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Tests.Unit.Configuration;
using static GigaEvo.Tests.Integration.Llm.AgentHarness;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>Model routing through the real agent: weighted shares, reproducible with a seed.</summary>
public sealed class LlmRoutingTests
{
    private const string TwoModels = "llm.models=[{name: cheap, weight: 0.7}, {name: strong, weight: 0.3}]";

    [Fact]
    public async Task Mutate_TwoWeightedModels_SplitMatchesTheWeightsAndRepeatsWithTheSameSeeds()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => new FakeLlmReply(Diff("X = 1.0", "X = 3.0")));
        var settings = Settings(server, TwoModels, "mutation.diff_ratio=1");
        using var agent = Agent(settings);
        var seeds = Enumerable.Range(0, 400).Select(i => ChildFactory.SlotSeed(42, 1, "fitness", i)).ToList();

        var first = await Task.WhenAll(seeds.Select(s => agent.MutateAsync(Request(settings, seed: s), CancellationToken.None)));
        var second = await Task.WhenAll(seeds.Select(s => agent.MutateAsync(Request(settings, seed: s), CancellationToken.None)));

        var cheap = first.Count(c => c!.Model == "cheap");
        Assert.InRange(cheap / 400.0, 0.65, 0.75);
        Assert.Equal(first.Select(c => c!.Model), second.Select(c => c!.Model));
        Assert.Equal(400 - cheap, server.Requests.Take(400).Count(r => r.Model == "strong"));
    }

    [Fact]
    public void Bandit_OneModelsChildrenImprove_ItGetsMostLaterChoices()
    {
        var models = LlmModel.Resolve(PresetFolders.Compose("llm.base_url=http://127.0.0.1:9/v1", TwoModels).Settings.Llm, _ => null);
        var router = new BanditRouter(models);
        var rng = new Random(7);
        for (var round = 0; round < 30; round++)
        {
            // A generation: 8 choices, then every child is judged: cheap's children improve, strong's never do.
            var chosen = Enumerable.Range(0, 8).Select(_ => router.Choose(rng).Name).ToList();
            chosen.ForEach(m => router.Observe(m, m == "cheap" ? 0.9 : 0));
        }
        var last = Enumerable.Range(0, 8).Select(_ => router.Choose(rng).Name).ToList();
        Assert.True(last.Count(m => m == "cheap") >= 6, string.Join(",", last));
    }
}
