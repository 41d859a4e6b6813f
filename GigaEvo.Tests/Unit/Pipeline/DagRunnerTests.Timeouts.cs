using System.Collections.Concurrent;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;
using static GigaEvo.Tests.Unit.Pipeline.FakeStages;

namespace GigaEvo.Tests.Unit.Pipeline;

public sealed partial class DagRunnerTests
{
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
}
