using System.Collections.Concurrent;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;
using static GigaEvo.Tests.Unit.Pipeline.FakeStages;

namespace GigaEvo.Tests.Unit.Pipeline;

public sealed partial class DagRunnerTests
{
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
}
