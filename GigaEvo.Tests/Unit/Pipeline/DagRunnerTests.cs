using System.Collections.Concurrent;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;
using static GigaEvo.Tests.Unit.Pipeline.FakeStages;

namespace GigaEvo.Tests.Unit.Pipeline;

/// <summary>The DAG engine with hand-written fake stages: validation, edges, skips, caching, timeouts, parallelism.</summary>
public sealed class DagRunnerTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    private static EvolvedProgram NewProgram(string code = "def entrypoint():\n    return 1\n") => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        Lineage = new Lineage { MutationKind = "initial" },
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static DagRunner Runner(PipelineDag dag, IStageCache? cache = null, int maxParallelStages = 2) =>
        new(dag, cache, maxParallelStages, TimeProvider.System);

    private static Task<DagOutcome> RunAsync(PipelineDag dag, IStageCache? cache = null, int maxParallelStages = 2,
        EvolvedProgram? program = null, CancellationToken ct = default) =>
        Runner(dag, cache, maxParallelStages).RunAsync(program ?? NewProgram(), null, ct).WaitAsync(Safety, CancellationToken.None);

    private static FakeStage<string> Recorder(string name, ConcurrentQueue<string> log, params StageInput[] inputs) =>
        new(name, (_, _) =>
        {
            log.Enqueue(name);
            return Task.FromResult(StageRun.Success(name));
        }, inputs);

    // ---- validation -------------------------------------------------------------------------------------

    [Fact]
    public void Validate_EdgeNamesUnknownStage_ThrowsNamingTheStage()
    {
        var dag = new PipelineDag().Add(Returns("a", "x")).After("a", "ghost");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("unknown stage 'ghost'", error.Message);
    }

    [Fact]
    public void Validate_DataEdgeFromUnknownStage_ThrowsNamingTheStage()
    {
        var dag = new PipelineDag().Add(Returns("b", "x", inputs: Input<int>("n", optional: true))).Data("nowhere", "b", "n");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("unknown stage 'nowhere'", error.Message);
    }

    [Fact]
    public void Validate_DataEdgeTypeMismatch_ThrowsNamingBothTypes()
    {
        var dag = new PipelineDag()
            .Add(Returns("a", "text"))
            .Add(Returns("b", 1, inputs: Input<int>("n")))
            .Data("a", "b", "n");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("data edge a -> b.n", error.Message);
        Assert.Contains("String is not a Int32", error.Message);
    }

    [Fact]
    public void Validate_DataEdgeToSubtypeInput_IsAccepted()
    {
        var dag = new PipelineDag()
            .Add(Returns("a", "text"))
            .Add(Returns("b", 1, inputs: Input<object>("any")))
            .Data("a", "b", "any");

        Assert.Equal(new[] { "a", "b" }, dag.Validate());
    }

    [Fact]
    public void Validate_DataEdgeToUndeclaredInput_ThrowsNamingTheInput()
    {
        var dag = new PipelineDag().Add(Returns("a", "x")).Add(Returns("b", "y")).Data("a", "b", "missing");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("stage 'b' has no input 'missing'", error.Message);
    }

    [Fact]
    public void Validate_UnboundRequiredInput_ThrowsNamingTheInput()
    {
        var dag = new PipelineDag().Add(Returns("b", "y", inputs: Input<string>("text")));

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("required input 'text' of stage 'b' has no data edge", error.Message);
    }

    [Fact]
    public void Validate_UnboundOptionalInput_IsAccepted()
    {
        var dag = new PipelineDag().Add(Returns("b", "y", inputs: Input<string>("text", optional: true)));

        Assert.Equal(new[] { "b" }, dag.Validate());
    }

    [Fact]
    public void Validate_InputFedTwice_ThrowsWithTheFeedCount()
    {
        var dag = new PipelineDag()
            .Add(Returns("a1", "x"))
            .Add(Returns("a2", "y"))
            .Add(Returns("b", "z", inputs: Input<string>("text")))
            .Data("a1", "b", "text")
            .Data("a2", "b", "text");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("input 'text' of stage 'b' is fed by 2 edges", error.Message);
    }

    [Fact]
    public void Validate_Cycle_ThrowsNamingTheStagesOnIt()
    {
        var dag = new PipelineDag()
            .Add(Returns("start", "s"))
            .Add(Returns("a", "x"))
            .Add(Returns("b", "y"))
            .Add(Returns("c", "z"))
            .After("start", "a")
            .After("a", "b")
            .After("b", "c")
            .After("c", "a", ExecutionCondition.Always);

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("cycle among stages: a, b, c", error.Message);
        Assert.DoesNotContain("start", error.Message);
    }

    [Fact]
    public void Validate_SelfLoop_ThrowsAsACycle()
    {
        var dag = new PipelineDag().Add(Returns("a", "x")).After("a", "a");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("cycle among stages: a", error.Message);
    }

    [Fact]
    public void Validate_SeveralDefects_ReportsEachOne()
    {
        var dag = new PipelineDag()
            .Add(Returns("a", "x"))
            .Add(Returns("b", 1, inputs: Input<int>("n")))
            .Add(Returns("c", "z", inputs: Input<string>("text")))
            .Data("a", "b", "n")
            .After("a", "ghost");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("unknown stage 'ghost'", error.Message);
        Assert.Contains("String is not a Int32", error.Message);
        Assert.Contains("required input 'text' of stage 'c'", error.Message);
    }

    [Fact]
    public void Add_SameNameTwice_Throws()
    {
        var dag = new PipelineDag().Add(Returns("a", "x"));

        var error = Assert.Throws<InvalidOperationException>(() => dag.Add(Returns("a", "y")));

        Assert.Contains("stage 'a' is added twice", error.Message);
    }

    [Fact]
    public void Constructor_InvalidDag_ThrowsBeforeAnythingRuns()
    {
        var stage = Returns("a", "x");
        var dag = new PipelineDag().Add(stage).After("a", "a");

        Assert.Throws<InvalidOperationException>(() => Runner(dag));
        Assert.Equal(0, stage.Invocations);
    }

    [Fact]
    public void Order_Diamond_PutsEveryStageAfterItsPredecessors()
    {
        var dag = new PipelineDag()
            .Add(Returns("sink", "s"))
            .Add(Returns("right", "r"))
            .Add(Returns("left", "l"))
            .Add(Returns("source", "x"))
            .After("source", "left")
            .After("source", "right")
            .After("left", "sink")
            .After("right", "sink", ExecutionCondition.Always);

        var order = Runner(dag).Order;

        Assert.Equal(4, order.Count);
        Assert.Equal("source", order[0]);
        Assert.Equal("sink", order[3]);
    }

    // ---- data edges ---------------------------------------------------------------------------------

    [Fact]
    public async Task RunAsync_DataEdge_PassesTheTypedValue()
    {
        var consumer = new FakeStage<int>("consumer",
            (ctx, _) => Task.FromResult(StageRun.Success(ctx.Input<int>("n") + 1)), [Input<int>("n")]);
        var dag = new PipelineDag().Add(Returns("producer", 41)).Add(consumer).Data("producer", "consumer", "n");

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.Completed, outcome.Results["consumer"].Status);
        Assert.Equal(41, outcome.Values["producer"]);
        Assert.Equal(42, outcome.Values["consumer"]);
    }

    [Fact]
    public async Task RunAsync_DataEdgeWithRecord_DeliversTheSameInstance()
    {
        var payload = new List<double> { 1.5, 2.5 };
        List<double>? received = null;
        var consumer = new FakeStage<string>("consumer", (ctx, _) =>
        {
            received = ctx.Input<List<double>>("values");
            return Task.FromResult(StageRun.Success("ok"));
        }, [Input<List<double>>("values")]);
        var dag = new PipelineDag().Add(Returns("producer", payload)).Add(consumer).Data("producer", "consumer", "values");

        await RunAsync(dag);

        Assert.Same(payload, received);
    }

    [Fact]
    public async Task RunAsync_OptionalInputWhoseProducerFailed_StageRunsWithoutIt()
    {
        bool? had = null;
        var consumer = new FakeStage<string>("consumer", (ctx, _) =>
        {
            had = ctx.Has("text");
            return Task.FromResult(StageRun.Success(ctx.Optional<string>("text") ?? "fallback"));
        }, [Input<string>("text", optional: true)]);
        var dag = new PipelineDag().Add(Fails("producer")).Add(consumer).Data("producer", "consumer", "text");

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.Failed, outcome.Results["producer"].Status);
        Assert.Equal(StageStatus.Completed, outcome.Results["consumer"].Status);
        Assert.False(had);
        Assert.Equal("fallback", outcome.Values["consumer"]);
    }

    [Fact]
    public async Task RunAsync_OptionalInputWhoseProducerCompleted_StageReceivesIt()
    {
        var consumer = new FakeStage<string>("consumer",
            (ctx, _) => Task.FromResult(StageRun.Success(ctx.Optional<string>("text") ?? "fallback")),
            [Input<string>("text", optional: true)]);
        var dag = new PipelineDag().Add(Returns("producer", "hello")).Add(consumer).Data("producer", "consumer", "text");

        var outcome = await RunAsync(dag);

        Assert.Equal("hello", outcome.Values["consumer"]);
    }

    [Fact]
    public async Task RunAsync_RequiredInputWhoseProducerFailed_SkipsNamingTheInputAndProducer()
    {
        var consumer = Returns("consumer", "x", inputs: Input<string>("text"));
        var dag = new PipelineDag().Add(Fails("producer")).Add(consumer).Data("producer", "consumer", "text");

        var outcome = await RunAsync(dag);

        var skipped = outcome.Results["consumer"];
        Assert.Equal(StageStatus.Skipped, skipped.Status);
        Assert.Contains("input 'text' from 'producer' is unavailable (failed)", skipped.Error);
        Assert.Equal(0, consumer.Invocations);
    }

    // ---- execution edges ----------------------------------------------------------------------------

    [Fact]
    public async Task RunAsync_OnSuccessEdgeAfterSuccess_RunsTheTargetAfterTheSource()
    {
        var log = new ConcurrentQueue<string>();
        var dag = new PipelineDag().Add(Recorder("second", log)).Add(Recorder("first", log)).After("first", "second");

        var outcome = await RunAsync(dag);

        Assert.Equal(new[] { "first", "second" }, log);
        Assert.Equal(StageStatus.Completed, outcome.Results["second"].Status);
    }

    [Fact]
    public async Task RunAsync_OnSuccessEdgeAfterFailure_SkipsTheTarget()
    {
        var target = Returns("target", "x");
        var dag = new PipelineDag().Add(Fails("source")).Add(target).After("source", "target", ExecutionCondition.OnSuccess);

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.Skipped, outcome.Results["target"].Status);
        Assert.Contains("'source' ended failed", outcome.Results["target"].Error);
        Assert.Contains("only after the success of", outcome.Results["target"].Error);
        Assert.Equal(0, target.Invocations);
    }

    [Fact]
    public async Task RunAsync_OnFailureEdgeAfterFailure_RunsTheTarget()
    {
        var target = Returns("target", "x");
        var dag = new PipelineDag().Add(Fails("source")).Add(target).After("source", "target", ExecutionCondition.OnFailure);

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.Completed, outcome.Results["target"].Status);
        Assert.Equal(1, target.Invocations);
    }

    [Fact]
    public async Task RunAsync_OnFailureEdgeAfterTimeout_RunsTheTarget()
    {
        var target = Returns("target", "x");
        var dag = new PipelineDag()
            .Add(Hangs("source", TimeSpan.FromMilliseconds(50)))
            .Add(target)
            .After("source", "target", ExecutionCondition.OnFailure);

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.TimedOut, outcome.Results["source"].Status);
        Assert.Equal(StageStatus.Completed, outcome.Results["target"].Status);
    }

    [Fact]
    public async Task RunAsync_OnFailureEdgeAfterSuccess_SkipsTheTarget()
    {
        var target = Returns("target", "x");
        var dag = new PipelineDag().Add(Returns("source", "ok")).Add(target).After("source", "target", ExecutionCondition.OnFailure);

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.Skipped, outcome.Results["target"].Status);
        Assert.Contains("'source' ended completed", outcome.Results["target"].Error);
        Assert.Contains("only after the failure of", outcome.Results["target"].Error);
        Assert.Equal(0, target.Invocations);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_AlwaysEdge_RunsTheTargetWhateverTheSourceDid(bool sourceSucceeds)
    {
        var target = Returns("target", "x");
        IStage source = sourceSucceeds ? Returns("source", "ok") : Fails("source");
        var dag = new PipelineDag().Add(source).Add(target).After("source", "target", ExecutionCondition.Always);

        var outcome = await RunAsync(dag);

        Assert.Equal(sourceSucceeds ? StageStatus.Completed : StageStatus.Failed, outcome.Results["source"].Status);
        Assert.Equal(StageStatus.Completed, outcome.Results["target"].Status);
        Assert.Equal(1, target.Invocations);
    }

    [Fact]
    public async Task RunAsync_AlwaysEdgeAfterASkippedStage_StillRuns()
    {
        var final = Returns("final", "done");
        var dag = new PipelineDag()
            .Add(Fails("a"))
            .Add(Returns("b", "x"))
            .Add(final)
            .After("a", "b")
            .After("b", "final", ExecutionCondition.Always);

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.Skipped, outcome.Results["b"].Status);
        Assert.Equal(StageStatus.Completed, outcome.Results["final"].Status);
    }

    [Fact]
    public async Task RunAsync_FailureInAChain_SkipsEveryLaterStageNamingItsBlocker()
    {
        var b = Returns("b", "x", inputs: Input<string>("in"));
        var c = Returns("c", "y");
        var dag = new PipelineDag()
            .Add(Fails("a"))
            .Add(b)
            .Add(c)
            .Data("a", "b", "in")
            .After("b", "c");

        var outcome = await RunAsync(dag);

        Assert.Equal(StageStatus.Failed, outcome.Results["a"].Status);
        Assert.Equal("a failed on purpose", outcome.Results["a"].Error);
        Assert.Equal(StageStatus.Skipped, outcome.Results["b"].Status);
        Assert.Contains("'a'", outcome.Results["b"].Error);
        Assert.Equal(StageStatus.Skipped, outcome.Results["c"].Status);
        Assert.Contains("'b' ended skipped", outcome.Results["c"].Error);
        Assert.Equal(0, b.Invocations);
        Assert.Equal(0, c.Invocations);
        Assert.Empty(outcome.Values);
    }

    // ---- caching ------------------------------------------------------------------------------------

    [Fact]
    public async Task RunAsync_SecondProgramWithIdenticalCode_GetsTheCachedResultWithoutRunningTheStage()
    {
        var cache = new MemoryStageCache();
        var expensive = Returns("expensive", 7);
        var consumer = new FakeStage<int>("consumer",
            (ctx, _) => Task.FromResult(StageRun.Success(ctx.Input<int>("n") * 2)), [Input<int>("n")], cacheable: false);
        var dag = new PipelineDag().Add(expensive).Add(consumer).Data("expensive", "consumer", "n");
        var runner = Runner(dag, cache);

        var first = await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);
        var second = await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);

        Assert.Equal(1, expensive.Invocations);
        Assert.False(first.Results["expensive"].FromCache);
        Assert.True(second.Results["expensive"].FromCache);
        Assert.StartsWith("[cached]", second.Results["expensive"].Summary);
        Assert.Equal(StageStatus.Completed, second.Results["expensive"].Status);
        Assert.Equal(14, second.Values["consumer"]);
        Assert.Equal(2, consumer.Invocations);
    }

    [Fact]
    public async Task RunAsync_SecondProgramWithDifferentCode_RunsTheStageAgain()
    {
        var cache = new MemoryStageCache();
        var stage = Returns("expensive", 7);
        var runner = Runner(new PipelineDag().Add(stage), cache);

        await runner.RunAsync(NewProgram("one"), null, CancellationToken.None);
        var second = await runner.RunAsync(NewProgram("two"), null, CancellationToken.None);

        Assert.Equal(2, stage.Invocations);
        Assert.False(second.Results["expensive"].FromCache);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task RunAsync_NonCacheableStage_RunsForEveryProgram()
    {
        var cache = new MemoryStageCache();
        var stage = Returns("fresh", 7, cacheable: false);
        var runner = Runner(new PipelineDag().Add(stage), cache);

        await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);
        var second = await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);

        Assert.Equal(2, stage.Invocations);
        Assert.False(second.Results["fresh"].FromCache);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task RunAsync_WithoutACache_RunsEveryTime()
    {
        var stage = Returns("expensive", 7);
        var runner = Runner(new PipelineDag().Add(stage), cache: null);

        await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);
        await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);

        Assert.Equal(2, stage.Invocations);
    }

    [Fact]
    public async Task RunAsync_FailedResult_IsCachedAndReplayed()
    {
        var cache = new MemoryStageCache();
        var stage = Fails("broken");
        var runner = Runner(new PipelineDag().Add(stage), cache);

        await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);
        var second = await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);

        Assert.Equal(1, stage.Invocations);
        Assert.Equal(StageStatus.Failed, second.Results["broken"].Status);
        Assert.Equal("broken failed on purpose", second.Results["broken"].Error);
        Assert.True(second.Results["broken"].FromCache);
    }

    [Fact]
    public async Task RunAsync_TimedOutResult_IsNotCached()
    {
        var cache = new MemoryStageCache();
        var stage = Hangs("slow", TimeSpan.FromMilliseconds(50));
        var runner = Runner(new PipelineDag().Add(stage), cache);

        var first = await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);
        var second = await runner.RunAsync(NewProgram("same"), null, CancellationToken.None);

        Assert.Equal(2, stage.Invocations);
        Assert.Equal(StageStatus.TimedOut, first.Results["slow"].Status);
        Assert.Equal(StageStatus.TimedOut, second.Results["slow"].Status);
        Assert.False(second.Results["slow"].FromCache);
        Assert.Equal(0, cache.Count);
    }

    // ---- timeouts and exceptions --------------------------------------------------------------------

    [Fact]
    public async Task RunAsync_StageExceedsItsTimeout_TimedOutNamingTheStageAndItsTokenIsCancelled()
    {
        var tokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dag = new PipelineDag().Add(Hangs("slow", TimeSpan.FromMilliseconds(100), tokenCancelled));

        var outcome = await RunAsync(dag);

        var result = outcome.Results["slow"];
        Assert.Equal(StageStatus.TimedOut, result.Status);
        Assert.Contains("stage 'slow' timed out", result.Error);
        await tokenCancelled.Task.WaitAsync(Safety, CancellationToken.None);
        Assert.False(outcome.Values.ContainsKey("slow"));
    }

    [Fact]
    public async Task RunAsync_StageIgnoringItsToken_IsStillReportedTimedOut()
    {
        var release = new TaskCompletionSource<StageRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stubborn = new FakeStage<string>("stubborn", (_, _) => release.Task, timeout: TimeSpan.FromMilliseconds(100));
        var after = Returns("after", "x");
        var dag = new PipelineDag().Add(stubborn).Add(after).After("stubborn", "after", ExecutionCondition.Always);

        var outcome = await RunAsync(dag);
        release.SetResult(StageRun.Success("too late"));

        Assert.Equal(StageStatus.TimedOut, outcome.Results["stubborn"].Status);
        Assert.Equal(StageStatus.Completed, outcome.Results["after"].Status);
    }

    [Fact]
    public async Task RunAsync_StageThrows_FailedWithTheMessageDependantsSkippedIndependentsComplete()
    {
        var thrower = new FakeStage<string>("thrower", async (_, ct) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("kaboom in the stage");
        });
        var dependant = Returns("dependant", "x", inputs: Input<string>("in"));
        var independent = Returns("independent", "fine");
        var dag = new PipelineDag().Add(thrower).Add(dependant).Add(independent).Data("thrower", "dependant", "in");

        var outcome = await RunAsync(dag);

        var failed = outcome.Results["thrower"];
        Assert.Equal(StageStatus.Failed, failed.Status);
        Assert.Contains("kaboom in the stage", failed.Error);
        Assert.Contains("InvalidOperationException", failed.Error);
        Assert.Contains("kaboom in the stage", failed.Traceback);
        Assert.Equal(StageStatus.Skipped, outcome.Results["dependant"].Status);
        Assert.Contains("'thrower'", outcome.Results["dependant"].Error);
        Assert.Equal(0, dependant.Invocations);
        Assert.Equal(StageStatus.Completed, outcome.Results["independent"].Status);
        Assert.Equal("fine", outcome.Values["independent"]);
    }

    [Fact]
    public async Task RunAsync_StageThrowsSynchronously_IsFailedToo()
    {
        var thrower = new FakeStage<string>("thrower", (_, _) => throw new ArgumentException("bad argument"));

        var outcome = await RunAsync(new PipelineDag().Add(thrower));

        Assert.Equal(StageStatus.Failed, outcome.Results["thrower"].Status);
        Assert.Contains("bad argument", outcome.Results["thrower"].Error);
    }

    [Fact]
    public async Task RunAsync_StageThrowsItsOwnOperationCanceled_IsFailedNotTimedOut()
    {
        // E.g. an HTTP client's own timeout inside a stage: neither the stage timeout nor the run was cancelled.
        var stage = new FakeStage<string>("http", async (_, ct) =>
        {
            await Task.Yield();
            throw new TaskCanceledException("the request was canceled due to the HttpClient timeout");
        });

        var outcome = await RunAsync(new PipelineDag().Add(stage));

        var result = outcome.Results["http"];
        Assert.Equal(StageStatus.Failed, result.Status);
        Assert.Contains("HttpClient timeout", result.Error);
    }

    // ---- parallelism --------------------------------------------------------------------------------

    /// <summary>Counts stages inside at once; each waits until all expected stages are inside, or the hold ends.</summary>
    private sealed class ConcurrencyProbe(int expected)
    {
        private readonly TaskCompletionSource _allInside = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;
        private int _max;

        public int MaxInside => Volatile.Read(ref _max);

        public bool AllWereInside => _allInside.Task.IsCompleted;

        public FakeStage<int> Stage(string name, TimeSpan hold) => new(name, async (_, ct) =>
        {
            var now = Interlocked.Increment(ref _inside);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
            if (now >= expected)
            {
                _allInside.TrySetResult();
            }
            try
            {
                await Task.WhenAny(_allInside.Task, Task.Delay(hold, ct));
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
            return StageRun.Success(now);
        });
    }

    [Fact]
    public async Task RunAsync_TwoIndependentStagesWithTwoSlots_Overlap()
    {
        var probe = new ConcurrencyProbe(expected: 2);
        // The hold is only a safety net: with two slots both stages meet at the barrier at once.
        var dag = new PipelineDag().Add(probe.Stage("a", Safety)).Add(probe.Stage("b", Safety));

        var outcome = await RunAsync(dag, maxParallelStages: 2);

        Assert.True(probe.AllWereInside);
        Assert.Equal(2, probe.MaxInside);
        Assert.All(outcome.Results.Values, r => Assert.Equal(StageStatus.Completed, r.Status));
    }

    [Fact]
    public async Task RunAsync_TwoIndependentStagesWithOneSlot_NeverOverlap()
    {
        var probe = new ConcurrencyProbe(expected: 2);
        // Each stage holds its slot for a while, giving the other every chance to (wrongly) enter.
        var dag = new PipelineDag().Add(probe.Stage("a", TimeSpan.FromMilliseconds(150))).Add(probe.Stage("b", TimeSpan.FromMilliseconds(150)));

        var outcome = await RunAsync(dag, maxParallelStages: 1);

        Assert.False(probe.AllWereInside);
        Assert.Equal(1, probe.MaxInside);
        Assert.All(outcome.Results.Values, r => Assert.Equal(StageStatus.Completed, r.Status));
    }

    [Fact]
    public async Task RunAsync_DependentStages_NeverOverlapEvenWithFreeSlots()
    {
        var probe = new ConcurrencyProbe(expected: 2);
        var dag = new PipelineDag()
            .Add(probe.Stage("a", TimeSpan.FromMilliseconds(100)))
            .Add(probe.Stage("b", TimeSpan.FromMilliseconds(100)))
            .After("a", "b");

        await RunAsync(dag, maxParallelStages: 4);

        Assert.Equal(1, probe.MaxInside);
    }

    // ---- cancellation -------------------------------------------------------------------------------

    [Fact]
    public async Task RunAsync_RunCancelledWhileAStageRuns_StageIsCancelled()
    {
        using var cts = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dependant = Returns("dependant", "x", inputs: Input<string>("in"));
        var dag = new PipelineDag()
            .Add(Hangs("long", Safety, entered: entered))
            .Add(dependant)
            .Data("long", "dependant", "in");

        var running = Runner(dag).RunAsync(NewProgram(), null, cts.Token);
        await entered.Task.WaitAsync(Safety, CancellationToken.None);
        await cts.CancelAsync();
        var outcome = await running.WaitAsync(Safety, CancellationToken.None);

        Assert.Equal(StageStatus.Cancelled, outcome.Results["long"].Status);
        Assert.Equal(StageStatus.Skipped, outcome.Results["dependant"].Status);
        Assert.Contains("cancelled", outcome.Results["dependant"].Error);
        Assert.Equal(0, dependant.Invocations);
    }

    [Fact]
    public async Task RunAsync_RunCancelledWhileStagesWaitForASlotOrFollowAlways_TheyAreCancelledNotThrown()
    {
        using var cts = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = Returns("queued", "x");
        var cleanup = Returns("cleanup", "y");
        var dag = new PipelineDag()
            .Add(Hangs("long", Safety, entered: entered))
            .Add(queued)
            .Add(cleanup)
            .After("long", "cleanup", ExecutionCondition.Always);

        var running = Runner(dag, maxParallelStages: 1).RunAsync(NewProgram(), null, cts.Token);
        await entered.Task.WaitAsync(Safety, CancellationToken.None);
        await cts.CancelAsync();
        var outcome = await running.WaitAsync(Safety, CancellationToken.None);

        Assert.Equal(StageStatus.Cancelled, outcome.Results["long"].Status);
        Assert.Equal(StageStatus.Cancelled, outcome.Results["queued"].Status);
        Assert.Equal(StageStatus.Cancelled, outcome.Results["cleanup"].Status);
        Assert.Equal(0, queued.Invocations);
        Assert.Equal(0, cleanup.Invocations);
    }

    [Fact]
    public async Task RunAsync_TokenAlreadyCancelled_RunsNothingAndReportsEveryStage()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var a = Returns("a", "x");
        var b = Returns("b", "y", inputs: Input<string>("in"));
        var dag = new PipelineDag().Add(a).Add(b).Data("a", "b", "in");

        var outcome = await Runner(dag).RunAsync(NewProgram(), null, cts.Token).WaitAsync(Safety, CancellationToken.None);

        Assert.Equal(StageStatus.Cancelled, outcome.Results["a"].Status);
        Assert.Equal(StageStatus.Skipped, outcome.Results["b"].Status);
        Assert.Equal(0, a.Invocations);
        Assert.Equal(0, b.Invocations);
    }

    // ---- reporting ----------------------------------------------------------------------------------

    [Fact]
    public async Task RunAsync_OnStageCallback_IsCalledOncePerStageWithItsResult()
    {
        var calls = new ConcurrentQueue<(string Name, StageResult Result)>();
        var dag = new PipelineDag()
            .Add(Returns("a", "x"))
            .Add(Fails("b"))
            .Add(Returns("c", "z", inputs: Input<string>("in")))
            .Add(Returns("d", "w"))
            .Data("b", "c", "in")
            .After("a", "d", ExecutionCondition.Always);

        var outcome = await Runner(dag).RunAsync(NewProgram(), (name, result) => calls.Enqueue((name, result)), CancellationToken.None);

        Assert.Equal(new[] { "a", "b", "c", "d" }, calls.Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var (name, result) in calls)
        {
            Assert.Same(outcome.Results[name], result);
        }
    }

    [Fact]
    public async Task RunAsync_AnyDag_ReturnsAResultWithADurationForEveryStage()
    {
        var slow = new FakeStage<string>("slow", async (_, ct) =>
        {
            await Task.Delay(30, ct);
            return StageRun.Success("done");
        });
        var dag = new PipelineDag()
            .Add(slow)
            .Add(Fails("broken"))
            .Add(Returns("skipped", "x", inputs: Input<string>("in")))
            .Add(Hangs("hung", TimeSpan.FromMilliseconds(50)))
            .Data("broken", "skipped", "in");

        var outcome = await RunAsync(dag);

        Assert.Equal(new[] { "broken", "hung", "skipped", "slow" }, outcome.Results.Keys.Order(StringComparer.Ordinal));
        Assert.All(outcome.Results.Values, r => Assert.True(r.DurationMs >= 0, $"duration {r.DurationMs}"));
        Assert.True(outcome.Results["slow"].DurationMs > 0);
        Assert.True(outcome.Results["hung"].DurationMs > 0);
        Assert.Equal("done", outcome.Values["slow"]);
    }
}
