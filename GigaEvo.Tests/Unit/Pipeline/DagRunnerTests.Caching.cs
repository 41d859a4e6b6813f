using System.Collections.Concurrent;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;
using static GigaEvo.Tests.Unit.Pipeline.FakeStages;

namespace GigaEvo.Tests.Unit.Pipeline;

public sealed partial class DagRunnerTests
{
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
}
