using GigaEvo.Core.Mutation;
using GigaEvo.Core.Mutation.Llm;
using static GigaEvo.Tests.Integration.Llm.AgentHarness;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>The agent's conversation with an OpenAI-compatible endpoint (the fake): diffs, rewrites, re-asks, failures.</summary>
public sealed class LlmAgentTests
{
    private const string GoodDiff = "<<<<<<< SEARCH\nX = 1.0\n=======\nX = 3.0\n>>>>>>> REPLACE";

    [Fact]
    public async Task Mutate_GoodDiff_MakesAChildWithTheModelAndSummaryInItsLineage()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => new FakeLlmReply(Diff("X = 1.0", "X = 3.0")));
        var settings = Settings(server, "mutation.diff_ratio=1", "model_name=fake-coder");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.NotNull(child);
        Assert.Equal(LlmAgent.DiffKind, child.Kind);
        Assert.Equal("fake-coder", child.Model);
        Assert.Equal("move X towards pi", child.Note);
        Assert.Contains("X = 3.0", child.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("X = 1.0", child.Code, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("fake-coder", request.Model);
        Assert.Contains("<<<<<<< SEARCH", request.System, StringComparison.Ordinal);
        Assert.Contains("X = 1.0", request.LastUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_MalformedDiffThenGoodOne_ReasksNamingTheFailedBlockAndItsNearestLines()
    {
        var bad = Diff("X = 1.0", "X = 2.0") + "\n" + Diff("def compute():\n    return X * 1.5", "def compute():\n    return X * 1.05");
        await using var server = await FakeLlmServer.StartAsync(r => new FakeLlmReply(r.Index == 0 ? bad : Diff("X = 1.0", "X = 3.1")));
        var settings = Settings(server, "mutation.diff_ratio=1", "mutation.max_retries=2");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.NotNull(child);
        Assert.Contains("X = 3.1", child.Code, StringComparison.Ordinal);
        Assert.Contains("after 1 re-ask", child.Note, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        var reask = server.Requests[1].LastUser;
        Assert.Contains("SEARCH/REPLACE block 2 of 2 does not apply", reask, StringComparison.Ordinal);
        Assert.Contains("return X", reask, StringComparison.Ordinal); // the nearest program lines
        Assert.Contains("First difference: SEARCH line 2 is `return X * 1.5`", reask, StringComparison.Ordinal);
        Assert.Equal("assistant", server.Requests[1].Messages[^2].Role); // the bad reply is in the conversation
        Assert.Equal(1, agent.Ledger.Snapshot().Models["gpt-4o-mini"].Reasks);
    }

    [Fact]
    public async Task Mutate_DiffThatNeverApplies_FailsAfterMaxRetriesAndIsCounted()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => new FakeLlmReply(Diff("Y = 7", "Y = 8")));
        var settings = Settings(server, "mutation.diff_ratio=1", "mutation.max_retries=2");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.Null(child);
        Assert.Equal(3, server.Requests.Count);
        var usage = agent.Ledger.Snapshot().Models["gpt-4o-mini"];
        Assert.Equal((1, 0, 2, 3), (usage.FailedMutations, usage.Mutations, usage.Reasks, (int)usage.Calls));
    }

    [Fact]
    public async Task Mutate_DiffOutsideTheEvolveBlock_IsRefusedWithTheRegion()
    {
        await using var server = await FakeLlmServer.StartAsync(r => new FakeLlmReply(r.Index == 0
            ? Diff("def entrypoint():\n    return compute()", "def entrypoint():\n    return 3.14159")
            : Diff("X = 1.0", "X = 3.14")));
        var settings = Settings(server, "mutation.diff_ratio=1");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.NotNull(child);
        Assert.Contains("outside the EVOLVE-BLOCK regions (lines 4-8)", server.Requests[1].LastUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_Rewrite_ReplacesTheWholeProgram()
    {
        var code = ParentCode.Replace("X = 1.0", "X = 22 / 7", StringComparison.Ordinal);
        await using var server = await FakeLlmServer.StartAsync(_ => new FakeLlmReply(Rewrite(code)));
        var settings = Settings(server, "mutation.diff_ratio=0");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.NotNull(child);
        Assert.Equal(LlmAgent.RewriteKind, child.Kind);
        Assert.Equal(code, child.Code);
        Assert.Contains("exactly one fenced code block", Assert.Single(server.Requests).System, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_EmptyReply_IsSentBackAndCountsAsFailedWhenItStaysEmpty()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => new FakeLlmReply(""));
        var settings = Settings(server, "mutation.max_retries=1");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.Null(child);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("the reply was empty", server.Requests[1].LastUser, StringComparison.Ordinal);
        Assert.Equal(1, agent.Ledger.Snapshot().Models["gpt-4o-mini"].FailedMutations);
    }

    [Fact]
    public async Task Mutate_RewriteWithoutEntrypoint_FailsTheCheapCheck()
    {
        await using var server = await FakeLlmServer.StartAsync(r => new FakeLlmReply(r.Index == 0 ? Rewrite("X = 3.14\n") : Rewrite(ParentCode.Replace("1.0", "3.0", StringComparison.Ordinal))));
        var settings = Settings(server, "mutation.diff_ratio=0");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.NotNull(child);
        Assert.Contains("defines no top-level `def entrypoint(...)`", server.Requests[1].LastUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_TokensAndCost_AreCountedPerCallAndModel()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => new FakeLlmReply(GoodDiff, PromptTokens: 1500, CompletionTokens: 300));
        var settings = Settings(server, "mutation.diff_ratio=1", "llm.models=[{name: priced, input_price_per_million: 2, output_price_per_million: 10}]");
        using var agent = Agent(settings);

        await agent.MutateAsync(Request(settings), CancellationToken.None);
        await agent.MutateAsync(Request(settings, seed: 2), CancellationToken.None);

        var usage = agent.Ledger.Snapshot();
        var model = usage.Models["priced"];
        Assert.Equal((2, 3000, 600, 3600), (model.Calls, model.PromptTokens, model.CompletionTokens, model.TotalTokens));
        Assert.Equal(2 * (1500 * 2 + 300 * 10) / 1e6, model.Cost, 9);
        Assert.Equal(3600, usage.TotalTokens);
    }
}
