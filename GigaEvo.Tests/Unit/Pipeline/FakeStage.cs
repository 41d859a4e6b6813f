using GigaEvo.Core.Pipeline;

namespace GigaEvo.Tests.Unit.Pipeline;

/// <summary>A hand-written stage whose behaviour is a delegate; counts how often it was run.</summary>
public sealed class FakeStage<TOutput> : Stage<TOutput>
{
    private readonly Func<StageContext, CancellationToken, Task<StageRun>> _behaviour;
    private int _invocations;

    public FakeStage(string name, Func<StageContext, CancellationToken, Task<StageRun>> behaviour,
        IReadOnlyList<StageInput>? inputs = null, TimeSpan? timeout = null, bool cacheable = true)
        : base(name, timeout ?? TimeSpan.FromSeconds(30), cacheable)
    {
        _behaviour = behaviour;
        Inputs = inputs ?? [];
    }

    public override IReadOnlyList<StageInput> Inputs { get; }

    public int Invocations => Volatile.Read(ref _invocations);

    public override Task<StageRun> RunAsync(StageContext context, CancellationToken ct)
    {
        Interlocked.Increment(ref _invocations);
        return _behaviour(context, ct);
    }
}

/// <summary>Ready-made fake stages for the common behaviours.</summary>
public static class FakeStages
{
    /// <summary>Completes with <paramref name="value"/>.</summary>
    public static FakeStage<T> Returns<T>(string name, T value, bool cacheable = true, params StageInput[] inputs)
        where T : notnull =>
        new(name, (_, _) => Task.FromResult(StageRun.Success(value, $"{name} ok")), inputs, cacheable: cacheable);

    /// <summary>Ends <see cref="GigaEvo.Core.Programs.StageStatus.Failed"/> with a recognisable error.</summary>
    public static FakeStage<string> Fails(string name, bool cacheable = true, params StageInput[] inputs) =>
        new(name, (_, _) => Task.FromResult(StageRun.Failure($"{name} failed on purpose")), inputs, cacheable: cacheable);

    /// <summary>Never finishes on its own: waits until its token is cancelled (by the stage timeout or the run).</summary>
    public static FakeStage<string> Hangs(string name, TimeSpan timeout, TaskCompletionSource? tokenCancelled = null,
        TaskCompletionSource? entered = null) =>
        new(name, async (_, ct) =>
        {
            entered?.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                if (ct.IsCancellationRequested)
                {
                    tokenCancelled?.TrySetResult();
                }
            }
            return StageRun.Success("unreachable");
        }, timeout: timeout);

    public static StageInput Input<T>(string name, bool optional = false) => new(name, typeof(T), optional);
}
