using System.Collections.Concurrent;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;
using static GigaEvo.Tests.Unit.Pipeline.FakeStages;

namespace GigaEvo.Tests.Unit.Pipeline;

/// <summary>The DAG engine with hand-written fake stages: validation, edges, skips, caching, timeouts, parallelism.</summary>
public sealed partial class DagRunnerTests
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
}
