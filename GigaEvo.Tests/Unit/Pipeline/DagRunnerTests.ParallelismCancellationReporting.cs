using System.Collections.Concurrent;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;
using static GigaEvo.Tests.Unit.Pipeline.FakeStages;

namespace GigaEvo.Tests.Unit.Pipeline;

public sealed partial class DagRunnerTests
{
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
