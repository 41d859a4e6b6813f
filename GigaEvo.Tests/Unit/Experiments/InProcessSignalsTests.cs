using GigaEvo.Core.Experiments;
using GigaEvo.Core.Infrastructure.InProcess;
using Microsoft.Extensions.Logging.Abstractions;

namespace GigaEvo.Tests.Unit.Experiments;

public sealed class InProcessSignalsTests
{
    [Fact]
    public async Task RunCancellation_OneRunPerExperiment_StopCancelsAndEndReleases()
    {
        var runs = new InProcessRunCancellation();
        using var job = new CancellationTokenSource();
        var lease = runs.TryBegin("EXP-1", job.Token)!;
        Assert.Null(runs.TryBegin("EXP-1", CancellationToken.None)); // a duplicate job ends at once
        Assert.True(runs.IsRunning("EXP-1"));
        Assert.False(runs.RequestStop("EXP-2", StopKind.User));

        Assert.True(runs.RequestStop("EXP-1", StopKind.User));
        Assert.True(lease.Token.IsCancellationRequested);
        runs.RequestStop("EXP-1", StopKind.Requeue);
        Assert.Equal(StopKind.User, lease.StopRequested); // the first reason wins

        var waiting = runs.WaitForEndAsync("EXP-1", TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);
        lease.Dispose();
        Assert.True(await waiting);
        Assert.False(runs.IsRunning("EXP-1"));
        Assert.NotNull(runs.TryBegin("EXP-1", CancellationToken.None));
    }

    [Fact]
    public void RunCancellation_JobTokenCancelled_CancelsTheLeaseWithNoReason()
    {
        var runs = new InProcessRunCancellation();
        using var job = new CancellationTokenSource();
        using var lease = runs.TryBegin("EXP-1", job.Token)!;
        job.Cancel();
        Assert.True(lease.Token.IsCancellationRequested);
        Assert.Null(lease.StopRequested);
        Assert.Equal(["EXP-1"], runs.RequestStopAll(StopKind.Requeue));
        Assert.Equal(StopKind.Requeue, lease.StopRequested);
    }

    [Fact]
    public async Task Notifier_DeliversInOrder_SurvivesAFailingSubscriber_AndUnsubscribes()
    {
        var notifier = new InProcessNotifier<string>(NullLogger<InProcessNotifier<string>>.Instance);
        var received = new List<string>();
        using (notifier.Subscribe(_ => throw new InvalidOperationException("broken page")))
        {
            var subscription = notifier.Subscribe(m =>
            {
                received.Add(m);
                return Task.CompletedTask;
            });
            await notifier.PublishAsync("a");
            await notifier.PublishAsync("b");
            subscription.Dispose();
            subscription.Dispose();
            await notifier.PublishAsync("c");
        }
        Assert.Equal(["a", "b"], received);
    }
}
