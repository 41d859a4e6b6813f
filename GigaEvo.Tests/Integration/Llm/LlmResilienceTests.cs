using System.Diagnostics;
using GigaEvo.Core.Infrastructure.OpenAi;
using GigaEvo.Core.Mutation.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using static GigaEvo.Tests.Integration.Llm.AgentHarness;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>429, 5xx and timeouts are retried (Polly, backoff with jitter); a refused key stops the run; parallel calls are bounded.</summary>
public sealed class LlmResilienceTests
{
    private static readonly string Good = Diff("X = 1.0", "X = 3.0");

    [Fact]
    public async Task Mutate_429ThenSuccess_RetriesTheRequest()
    {
        await using var server = await FakeLlmServer.StartAsync(r => r.Index == 0 ? FakeLlmReply.Error(429, retryAfter: "0") : new FakeLlmReply(Good));
        var settings = Settings(server, "mutation.diff_ratio=1");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.NotNull(child);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, agent.Ledger.Snapshot().Models["gpt-4o-mini"].Calls); // one answered request; the 429 was the transport's business
    }

    [Fact]
    public async Task Mutate_ServerErrorsOutlastTheRetries_FailsTheSlotNotTheRun()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => FakeLlmReply.Error(503));
        var settings = Settings(server, "llm.request_retries=2");
        using var agent = Agent(settings);

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.Null(child);
        Assert.Equal(3, server.Requests.Count);
        var usage = agent.Ledger.Snapshot().Models["gpt-4o-mini"];
        Assert.Equal((1, 1), ((int)usage.FailedCalls, usage.FailedMutations));
    }

    [Fact]
    public async Task Mutate_FirstAttemptTimesOut_IsRetriedWithinTheTimeout()
    {
        await using var server = await FakeLlmServer.StartAsync(r => r.Index == 0 ? new FakeLlmReply(Good, DelaySeconds: 30) : new FakeLlmReply(Good));
        var settings = Settings(server, "mutation.diff_ratio=1", "llm.timeout_seconds=0.5");
        using var agent = Agent(settings);
        var watch = Stopwatch.StartNew();

        var child = await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.NotNull(child);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Mutate_KeyRefused_ThrowsAFatalErrorWithoutTheKey()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => FakeLlmReply.Error(401));
        var settings = Settings(server, "llm.api_key=sk-refused-secret-123");
        using var agent = Agent(settings);

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => agent.MutateAsync(Request(settings), CancellationToken.None));

        Assert.True(error.Fatal);
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-refused", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests); // not retried
    }

    [Fact]
    public async Task Complete_BadRequest_IsNotRetriedAndCarriesTheProvidersReasonWithoutTheKey()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => FakeLlmReply.Error(400));
        var settings = Settings(server, "llm.api_key=sk-bad-request-key");
        var client = new OpenAiLlmClient(settings.Llm, TimeProvider.System, NullLogger.Instance);
        var model = LlmModel.Resolve(settings.Llm, _ => null)[0];

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => client.CompleteAsync(model, [new LlmMessage(LlmRole.User, "hi")], CancellationToken.None));

        Assert.False(error.Fatal);
        Assert.StartsWith("gpt-4o-mini: HTTP 400 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("fake error 400", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-bad-request-key", error.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Mutate_ApiKeyFromTheEnvironmentVariable_IsSentAsBearerToken()
    {
        await using var server = await FakeLlmServer.StartAsync(_ => new FakeLlmReply(Good));
        var settings = Settings(server, "llm.api_key_env=MY_LLM_KEY");
        using var agent = Agent(settings, environment: name => name == "MY_LLM_KEY" ? "sk-from-env" : null);

        await agent.MutateAsync(Request(settings), CancellationToken.None);

        Assert.Equal("Bearer sk-from-env", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Mutate_ManySlotsAtOnce_KeepsAtMostMaxParallelRequestsInFlight()
    {
        var inFlight = 0;
        var peak = 0;
        await using var server = await FakeLlmServer.StartAsync(_ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            Thread.Sleep(150);
            Interlocked.Decrement(ref inFlight);
            return new FakeLlmReply(Good);
        });
        var settings = Settings(server, "mutation.diff_ratio=1", "llm.max_parallel=3");
        using var agent = Agent(settings);

        var children = await Task.WhenAll(Enumerable.Range(0, 9).Select(i => agent.MutateAsync(Request(settings, seed: i), CancellationToken.None)));

        Assert.All(children, Assert.NotNull);
        Assert.InRange(peak, 2, 3);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
