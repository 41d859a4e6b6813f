using System.Globalization;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation.Llm.Insights;

/// <summary>Output of the insights stage, stored on the program as <see cref="EvolvedProgram.Insights"/>.</summary>
public sealed record ProgramInsights(IReadOnlyList<ProgramInsight> Items);

/// <summary>
/// The optional stage after finalize (<c>mutation.insights</c>): a model reviews the program and its results
/// and answers with a JSON list of insights. A reply that is not valid JSON is sent back once with the reason;
/// then the stage fails (the program's metrics are untouched). Once a budget is spent, the stage is skipped.
/// </summary>
public sealed class InsightsStage(LlmGateway gateway, LlmModel model, PromptTemplates templates, ProblemDefinition problem, TimeSpan timeout)
    : Stage<ProgramInsights>(StageName, timeout)
{
    public const string StageName = "insights";
    private const int Reasks = 1;

    public override IReadOnlyList<StageInput> Inputs { get; } = [new("final", typeof(FinalMetrics))];

    public override async Task<StageRun> RunAsync(StageContext context, CancellationToken ct)
    {
        var final = context.Input<FinalMetrics>("final");
        var messages = new List<LlmMessage>
        {
            new(LlmRole.System, templates.Render("insights_system", new Dictionary<string, string>
            {
                ["task_description"] = problem.TaskDescription.Trim(),
                ["metrics"] = ProgramFacts.MetricsDescription(problem),
            })),
            new(LlmRole.User, templates.Render("insights_user", new Dictionary<string, string>
            {
                ["code"] = context.Program.Code.TrimEnd(),
                ["results"] = Results(final),
            })),
        };
        string? error = null;
        for (var attempt = 0; attempt <= Reasks; attempt++)
        {
            var outcome = await gateway.CompleteAsync(model, messages, insight: true, ct);
            if (outcome.BudgetSpent)
            {
                return new StageRun { Status = StageStatus.Skipped, Error = outcome.Error };
            }
            if (outcome.Reply is not { } reply)
            {
                return StageRun.Failure($"insights request failed: {outcome.Error}");
            }
            (var items, error) = InsightsParser.Parse(reply.Text);
            if (items is not null)
            {
                var high = items.Count(i => i.Severity == "high");
                return StageRun.Success(new ProgramInsights(items), $"{items.Count} insight(s) from {model.Name}" + (high > 0 ? $", {high} high" : ""));
            }
            messages.Add(new LlmMessage(LlmRole.Assistant, reply.Text));
            messages.Add(new LlmMessage(LlmRole.User, templates.Render("insights_retry", new Dictionary<string, string> { ["reason"] = error! })));
        }
        return StageRun.Failure($"the insights reply could not be read: {error}");
    }

    private string Results(FinalMetrics final)
    {
        var values = problem.Metrics.Where(m => final.Values.ContainsKey(m.Name))
            .Select(m => $"- {m.Name} = {ProgramFacts.Format(final.Values[m.Name], m)}");
        var complexity = final.Values.TryGetValue("complexity", out var c) ? [$"- complexity = {c.ToString(CultureInfo.InvariantCulture)} AST nodes"] : Array.Empty<string>();
        var notes = final.Notes.Select(n => $"- note: {n}");
        return string.Join('\n', values.Concat(complexity).Concat(notes)) + (final.IsValid ? "" : "\nThe program is INVALID.");
    }
}
