using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// Builds a mutation's messages from the prompt files: the system part (role, task, metrics, output contract)
/// and the user part (the parent with its results, failure and insights; its lineage; inspirations). When the
/// estimate (4 characters per token) exceeds <c>llm.prompt_token_budget</c>, context is dropped oldest first
/// (by the generation it describes); the parent itself is always kept.
/// </summary>
public sealed class PromptBuilder(PromptTemplates templates, int tokenBudget)
{
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;

    public static string Entrypoint(ProblemDefinition problem) => problem.ContextPath is null ? "entrypoint()" : "entrypoint(context)";

    public string Contract(MutationMode mode, string parentCode, ProblemDefinition problem)
    {
        var marked = parentCode.Contains(PythonLiterals.BlockStart, StringComparison.Ordinal);
        var rule = mode == MutationMode.Diff ? "evolve_rule_diff" : "evolve_rule_rewrite";
        return templates.Render(mode == MutationMode.Diff ? "diff" : "rewrite", new Dictionary<string, string>
        {
            ["evolve_rule"] = marked ? templates.Render(rule, new Dictionary<string, string>()) : "",
            ["entrypoint"] = Entrypoint(problem),
        });
    }

    /// <summary>The message that sends an unusable reply back: the precise reason, then the output contract again.</summary>
    public string Retry(string reason, MutationMode mode, string parentCode, ProblemDefinition problem) =>
        templates.Render("retry", new Dictionary<string, string>
        {
            ["reason"] = reason,
            ["output_contract"] = Contract(mode, parentCode, problem),
        });

    public IReadOnlyList<LlmMessage> Build(MutationRequest request, MutationMode mode)
    {
        var problem = request.Problem;
        var parent = request.Parents[0];
        var system = templates.Render("system", new Dictionary<string, string>
        {
            ["task_description"] = problem.TaskDescription.Trim(),
            ["metrics"] = ProgramFacts.MetricsDescription(problem),
            ["entrypoint"] = Entrypoint(problem),
            ["output_contract"] = Contract(mode, parent.Code, problem),
        });
        var context = Context(request);
        var dropped = 0;
        var user = User(request, context, dropped);
        while (EstimateTokens(system) + EstimateTokens(user) > tokenBudget && context.Count > 0)
        {
            // Oldest first; at equal age lineage goes before inspirations, and insights last.
            context.Remove(context.OrderBy(c => c.Generation).ThenBy(c => c.Kind).First());
            dropped++;
            user = User(request, context, dropped);
        }
        return [new LlmMessage(LlmRole.System, system), new LlmMessage(LlmRole.User, user)];
    }

    private enum ContextKind
    {
        Lineage,
        Inspiration,
        Insights,
    }

    private sealed record ContextItem(ContextKind Kind, int Generation, string Text);

    private List<ContextItem> Context(MutationRequest request)
    {
        var parent = request.Parents[0];
        var items = LineageText.Steps(parent, request.Programs, request.Problem)
            .Select(s => new ContextItem(ContextKind.Lineage, s.Generation, s.Text)).ToList();
        items.AddRange(request.Parents.Skip(1).Select((p, i) => new ContextItem(ContextKind.Inspiration, p.Lineage.Generation, Inspiration(p, i + 1, request.Problem))));
        if (Insights(parent) is { } insights)
        {
            items.Add(new ContextItem(ContextKind.Insights, parent.Lineage.Generation, insights));
        }
        return items;
    }

    private string User(MutationRequest request, List<ContextItem> context, int dropped)
    {
        var parent = request.Parents[0];
        var primary = request.Problem.Primary;
        var lineage = context.Where(c => c.Kind == ContextKind.Lineage).Select(c => c.Text).ToList();
        return templates.Render("user", new Dictionary<string, string>
        {
            ["parent"] = templates.Render("parent", ProgramValues(parent, request.Problem)),
            ["parent_failure"] = Failure(parent),
            ["parent_insights"] = context.FirstOrDefault(c => c.Kind == ContextKind.Insights)?.Text ?? "",
            ["lineage"] = lineage.Count == 0 ? "" : templates.Render("lineage", new Dictionary<string, string> { ["items"] = string.Join('\n', lineage) }),
            ["inspirations"] = string.Join("\n\n", context.Where(c => c.Kind == ContextKind.Inspiration).Select(c => c.Text)),
            ["omitted"] = dropped == 0 ? "" : templates.Render("omitted", new Dictionary<string, string> { ["count"] = dropped.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ["primary"] = primary.Name,
            ["direction"] = primary.HigherIsBetter ? "higher is better" : "lower is better",
        });
    }

    private string Inspiration(EvolvedProgram program, int number, ProblemDefinition problem)
    {
        var values = ProgramValues(program, problem);
        values["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join("\n", new[] { templates.Render("inspiration", values), Failure(program), Insights(program) ?? "" }.Where(t => t.Length > 0));
    }

    private string Failure(EvolvedProgram program) => ProgramFacts.Failure(program) is { } failure
        ? templates.Render("failure", new Dictionary<string, string> { ["error"] = failure.Error, ["traceback"] = failure.Traceback })
        : "";

    private string? Insights(EvolvedProgram program) => program.Insights.Count == 0 ? null
        : templates.Render("insights", new Dictionary<string, string>
        {
            ["items"] = string.Join('\n', program.Insights.Select(i => $"- {i.Kind}/{i.Severity}: {i.Text}")),
        });

    private static Dictionary<string, string> ProgramValues(EvolvedProgram program, ProblemDefinition problem) => new()
    {
        ["generation"] = program.Lineage.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["origin"] = ProgramFacts.Origin(program),
        ["metrics"] = ProgramFacts.Results(program, problem),
        ["code"] = program.Code.ReplaceLineEndings("\n").TrimEnd('\n'),
    };
}
