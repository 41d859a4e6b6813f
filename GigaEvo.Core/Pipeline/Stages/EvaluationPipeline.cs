using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Pipeline.Stages;

/// <summary>The standard DAG: syntax → (run → validate) ∥ complexity → finalize (always) [→ insights].</summary>
public static class EvaluationPipeline
{
    private static readonly string[] FailingStages = ["syntax", "run", "validate"];

    /// <summary>The standard stages, plus <paramref name="insights"/> after finalize when given (input <c>final</c>: the final metrics).</summary>
    public static PipelineDag Build(EvaluationEnvironment env, IStage? insights) =>
        insights is null ? Build(env) : Build(env).Add(insights).Data("finalize", insights.Name, "final");

    public static PipelineDag Build(EvaluationEnvironment env) => new PipelineDag()
        .Add(new SyntaxStage(env))
        .Add(new RunStage(env))
        .Add(new ValidateStage(env))
        .Add(new ComplexityStage())
        .Add(new FinalizeStage(env.Problem))
        .Data("syntax", "run", "analysis")
        .Data("syntax", "complexity", "analysis")
        .Data("run", "validate", "output")
        .Data("validate", "finalize", "metrics")
        .Data("complexity", "finalize", "complexity")
        .After("validate", "finalize", ExecutionCondition.Always)
        .After("complexity", "finalize", ExecutionCondition.Always);

    /// <summary>The one-line reason a program failed: the first failing stage's error.</summary>
    public static string? FailureReason(IReadOnlyDictionary<string, StageResult> results) =>
        FailingStages
            .Select(s => results.TryGetValue(s, out var r) && r.Status is StageStatus.Failed or StageStatus.TimedOut ? $"{s}: {r.Error}" : null)
            .FirstOrDefault(e => e is not null);
}
