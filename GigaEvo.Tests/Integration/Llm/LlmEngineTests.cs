using System.Text.Json;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Core.Mutation.Llm.Insights;
using GigaEvo.Core.Programs;
using GigaEvo.Tests.Integration.Pipeline;
using static GigaEvo.Tests.Integration.Llm.EngineHarness;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>Whole runs with the LLM agent against the fake server: bandit, budget, insights, duplicates, a slow model.</summary>
public sealed class LlmEngineTests(ForkServerFixture fixture) : IClassFixture<ForkServerFixture>
{
    private const string GoodAndBad = "llm.models=[{name: good}, {name: bad}]";

    /// <summary>good moves X halfway to pi (its children always improve); bad moves X away from pi.</summary>
    private static FakeLlmReply Climb(FakeLlmRequest r)
    {
        var x = ParentX(r);
        return SetX(r, r.Model == "good" ? x + (Math.PI - x) / 2 : x < Math.PI ? x - 1 : x + 1);
    }

    [Fact]
    public async Task Run_BanditRouter_PrefersTheModelWhoseChildrenImprove()
    {
        await using var server = await FakeLlmServer.StartAsync(Climb);

        var (result, _, _) = await RunAsync(await NearPiAsync(), server, fixture.Runner, null,
            GoodAndBad, "llm.router=bandit", "mutation.diff_ratio=1", "max_generations=5", "programs_per_generation=6");

        var byModel = result.Programs.Where(p => p.Lineage.Model is not null).GroupBy(p => p.Lineage.Model!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byModel["good"] >= 3 * byModel.GetValueOrDefault("bad"), string.Join(", ", byModel));
        var late = result.Programs.Where(p => p.Lineage.Generation >= 4).ToList();
        Assert.True(late.Count(p => p.Lineage.Model == "good") > late.Count / 2);
        Assert.True(result.Best!.Metrics["fitness"] > result.BestInitialFitness);
    }

    [Fact]
    public async Task Run_TokenBudget_StopsCleanlyWithTheReasonAndTheTotals()
    {
        await using var server = await FakeLlmServer.StartAsync(r => Climb(r) with { PromptTokens = 1000, CompletionTokens = 200 });

        var (result, runDir, log) = await RunAsync(await NearPiAsync(), server, fixture.Runner, null,
            // One request at a time: the budget is checked before each request, so the 4th one is refused.
            "model_name=good", "mutation.diff_ratio=1", "max_generations=10", "programs_per_generation=2", "llm.token_budget=3600", "llm.max_parallel=1",
            "llm.models.0.input_price_per_million=1", "llm.models.0.output_price_per_million=5");

        Assert.Equal(2, result.Generations);
        Assert.False(result.Stopped);
        Assert.Equal("llm.token_budget reached: 3,600 of 3,600 tokens used", result.StopReason);
        Assert.Contains(log, l => l.StartsWith("gen 2/10 |", StringComparison.Ordinal) && l.Contains("| tokens 3,600 | cost $0.0060", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(result.StopReason, root.GetProperty("stop_reason").GetString());
        var llm = root.GetProperty("llm");
        Assert.Equal((3000, 600, 3600), (llm.GetProperty("prompt_tokens").GetInt64(), llm.GetProperty("completion_tokens").GetInt64(), llm.GetProperty("total_tokens").GetInt64()));
        Assert.Equal(0.006, llm.GetProperty("cost").GetDouble(), 9);
        var good = llm.GetProperty("models").GetProperty("good");
        Assert.Equal((3, 3, 0), (good.GetProperty("calls").GetInt64(), good.GetProperty("mutations").GetInt32(), good.GetProperty("failed_mutations").GetInt32()));
        Assert.Equal(0, root.GetProperty("failed_mutations").GetInt32()); // the refused slot is skipped, not failed
        Assert.Equal(3600, root.GetProperty("history")[2].GetProperty("tokens").GetInt64());
    }

    [Fact]
    public async Task Run_Insights_AreStoredOnTheProgramAndFedToItsChildrenAndBadJsonIsHandled()
    {
        var insightCalls = 0;
        await using var server = await FakeLlmServer.StartAsync(r =>
        {
            if (!IsInsights(r))
            {
                return Climb(r);
            }
            // The initial program gets a valid list; every later program an answer that is not JSON, twice.
            return Interlocked.Increment(ref insightCalls) == 1
                ? new FakeLlmReply("```json\n[{\"kind\": \"idea\", \"severity\": \"high\", \"text\": \"INSIGHT: X should be near 3.14159\"}]\n```")
                : new FakeLlmReply("I think the program is fine.");
        });

        var (result, _, _) = await RunAsync(await NearPiAsync(), server, fixture.Runner, null,
            "model_name=good", "mutation.insights=true", "mutation.diff_ratio=1", "max_generations=1", "programs_per_generation=1");

        var initial = Assert.Single(result.Programs, p => p.Lineage.Generation == 0);
        Assert.Equal([new ProgramInsight("idea", "high", "INSIGHT: X should be near 3.14159")], initial.Insights);
        var mutation = Assert.Single(server.Requests, r => !IsInsights(r));
        Assert.Contains("- idea/high: INSIGHT: X should be near 3.14159", mutation.LastUser, StringComparison.Ordinal);
        var child = Assert.Single(result.Programs, p => p.Lineage.Generation == 1);
        Assert.Empty(child.Insights);
        Assert.Equal(StageStatus.Failed, child.Stages[InsightsStage.StageName].Status);
        Assert.Contains("could not be read: it holds no JSON list", child.Stages[InsightsStage.StageName].Error, StringComparison.Ordinal);
        Assert.True(child.IsValid); // the metrics do not depend on the insights
        Assert.Equal(3, insightCalls); // initial; child's first answer and its one re-ask
        Assert.Equal(3, result.Llm!.Models["good"].InsightCalls);
    }

    [Fact]
    public async Task Run_ChildEqualToAnotherAfterNormalising_IsNotEvaluatedAgain()
    {
        await using var server = await FakeLlmServer.StartAsync(r => new FakeLlmReply(r.Index % 2 == 0
            ? AgentHarness.Diff("X = 1.0", "X = 3.0  # three")
            : AgentHarness.Diff("X = 1.0", "X=3.0")));

        var (result, runDir, _) = await RunAsync(await NearPiAsync(), server, fixture.Runner, null,
            "model_name=good", "mutation.diff_ratio=1", "max_generations=1", "programs_per_generation=2", "max_parallel_programs=1");

        var children = result.Programs.Where(p => p.Lineage.Generation == 1).ToList();
        Assert.Equal(2, children.Count);
        var duplicate = Assert.Single(children, c => c.DuplicateOf is not null);
        var original = Assert.Single(children, c => c.DuplicateOf is null);
        Assert.Equal(original.Id, duplicate.DuplicateOf);
        Assert.Equal(original.Metrics, duplicate.Metrics);
        Assert.All(duplicate.Stages.Values, s => Assert.True(s.FromCache));
        Assert.Equal(1, result.DuplicatePrograms);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json")));
        Assert.Equal(1, summary.RootElement.GetProperty("duplicate_programs").GetInt32());
    }

    [Fact]
    public async Task Run_EndpointRefusesTheKey_StopsWithTheReasonAndLeavesNoProgramMidEvaluation()
    {
        await using var server = await FakeLlmServer.StartAsync(r => r.Index < 2 ? Climb(r) : FakeLlmReply.Error(401));
        var runDir = Directory.CreateTempSubdirectory("gigaevo-refused-").FullName;
        var store = FileProgramStore.Open(runDir, "run");
        var problem = await NearPiAsync();

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => RunAsync(problem, server, fixture.Runner, store,
            "model_name=good", "mutation.diff_ratio=1", "max_generations=3", "programs_per_generation=2", "llm.max_parallel=1"));

        Assert.Contains("good: HTTP 401: the endpoint refused the API key", error.Message, StringComparison.Ordinal);
        var programs = await store.GetAllAsync();
        Assert.DoesNotContain(programs, p => p.State == ProgramState.ProcessingStarted);
        Assert.Equal(3, programs.Count); // the initial program and generation 1's two children: a resume goes on from there
    }

    [Fact]
    public async Task Run_SlowModel_DoesNotHoldBackTheEvaluationOfOtherChildren()
    {
        // The first request takes 8 s; the other five children must be evaluated while it is still pending.
        await using var server = await FakeLlmServer.StartAsync(r => Climb(r) with { DelaySeconds = r.Index == 0 ? 8 : 0 });
        var runDir = Directory.CreateTempSubdirectory("gigaevo-slow-").FullName;
        var store = new TimedStore(FileProgramStore.Open(runDir, "run"));

        var (result, _, _) = await RunAsync(await NearPiAsync(), server, fixture.Runner, store,
            "model_name=good", "mutation.diff_ratio=1", "max_generations=1", "programs_per_generation=6", "llm.timeout_seconds=30", "llm.max_parallel=6");

        var children = result.Programs.Where(p => p.Lineage.Generation == 1).OrderBy(p => store.AddedAt[p.Id]).ToList();
        Assert.Equal(6, children.Count);
        var slowCreated = store.AddedAt[children[^1].Id];
        var othersEvaluated = children.SkipLast(1).Select(c => store.CompletedAt[c.Id]).Max();
        Assert.True(othersEvaluated < slowCreated, $"the other children were evaluated at {othersEvaluated:O}, the slow one created at {slowCreated:O}");
        Assert.True(slowCreated - store.AddedAt[children[0].Id] > TimeSpan.FromSeconds(5));
    }
}
