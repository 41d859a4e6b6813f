using GigaEvo.Core.Python;

namespace GigaEvo.Core.Pipeline.Stages;

/// <summary>Calls the problem's <c>validate([context,] output)</c> in an isolated process.</summary>
public sealed class ValidateStage(EvaluationEnvironment env)
    : Stage<ValidationMetrics>("validate", TimeSpan.FromSeconds(env.Settings.ValidateTimeoutSeconds + 10))
{
    public override IReadOnlyList<StageInput> Inputs { get; } = [new("output", typeof(ProgramOutput))];

    public override async Task<StageRun> RunAsync(StageContext context, CancellationToken ct)
    {
        var output = context.Input<ProgramOutput>("output");
        var job = env.Job(PythonJobKind.Validate, context.Program.Id, Name, env.Problem.ValidatorPath, env.Settings.ValidateTimeoutSeconds)
            with { InputPicklePath = output.PicklePath, PassContext = env.Problem.ValidatorTakesContext, ProgramModulePath = output.ProgramPath };
        var result = await env.Runner.RunAsync(job, ct);
        if (result.Outcome != PythonOutcome.Ok)
        {
            return PythonStageResults.ToFailure(result);
        }
        var value = result.Value!.Value;
        var metrics = value.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        foreach (var odd in value.GetProperty("non_finite").EnumerateObject())
        {
            metrics[odd.Name] = odd.Value.GetString() switch
            {
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                _ => double.NaN,
            };
        }
        var summary = string.Join(", ", metrics.Select(m => $"{m.Key}={m.Value:G6}"));
        return StageRun.Success(new ValidationMetrics(metrics), summary) with { Stdout = result.Stdout, Stderr = result.Stderr };
    }
}
