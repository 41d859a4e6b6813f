namespace GigaEvo.Core.Pipeline.Stages;

/// <summary>Turns the AST measurements into complexity metrics (a behaviour axis of the simplicity island).</summary>
public sealed class ComplexityStage() : Stage<ComplexityMetrics>("complexity", TimeSpan.FromSeconds(5))
{
    public override IReadOnlyList<StageInput> Inputs { get; } = [new("analysis", typeof(CodeAnalysis))];

    public override Task<StageRun> RunAsync(StageContext context, CancellationToken ct)
    {
        var ast = context.Input<CodeAnalysis>("analysis").Complexity;
        var metrics = new Dictionary<string, double>
        {
            ["complexity"] = ast["ast_nodes"],
            ["complexity_branches"] = ast["branches"],
            ["complexity_loops"] = ast["loops"],
            ["complexity_depth"] = ast["max_depth"],
            ["complexity_lines"] = ast["lines"],
        };
        return Task.FromResult(StageRun.Success(new ComplexityMetrics(metrics), $"complexity={metrics["complexity"]}"));
    }
}
