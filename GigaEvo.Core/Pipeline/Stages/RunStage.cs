using GigaEvo.Core.Python;

namespace GigaEvo.Core.Pipeline.Stages;

/// <summary>Calls <c>entrypoint([context])</c> in an isolated process and keeps the pickled result.</summary>
public sealed class RunStage(EvaluationEnvironment env)
    : Stage<ProgramOutput>("run", TimeSpan.FromSeconds(env.Settings.RunTimeoutSeconds + 10))
{
    public override IReadOnlyList<StageInput> Inputs { get; } = [new("analysis", typeof(CodeAnalysis))];

    public override async Task<StageRun> RunAsync(StageContext context, CancellationToken ct)
    {
        var analysis = context.Input<CodeAnalysis>("analysis");
        var job = env.Job(PythonJobKind.Run, context.Program.Id, Name, analysis.ProgramPath, env.Settings.RunTimeoutSeconds);
        var output = Path.Combine(job.Workspace, "output.pkl");
        job = job with { OutputPicklePath = output, PassContext = analysis.EntrypointParameters == 1 };
        var result = await env.Runner.RunAsync(job, ct);
        if (result.Outcome != PythonOutcome.Ok)
        {
            return PythonStageResults.ToFailure(result);
        }
        var summary = result.Value!.Value.GetProperty("summary").GetString() ?? "";
        return StageRun.Success(new ProgramOutput(output, summary, analysis.ProgramPath), summary) with { Stdout = result.Stdout, Stderr = result.Stderr };
    }
}
