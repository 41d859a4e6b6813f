using System.Text.Json.Nodes;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>
/// The <c>llm</c> section of summary.json: run totals (prompt, completion, total tokens, cost, calls) and,
/// per model, what it cost and what its children did (made, failed, valid, better than their parent).
/// </summary>
public static class LlmSummary
{
    public static JsonObject? ToJson(RunResult result, MetricSpec primary)
    {
        if (result.Llm is not { } usage)
        {
            return null;
        }
        var byId = result.Programs.ToDictionary(p => p.Id);
        var models = new JsonObject();
        foreach (var (name, m) in usage.Models.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var children = result.Programs.Where(p => p.Lineage.Model == name).ToList();
            models[name] = new JsonObject
            {
                ["calls"] = m.Calls,
                ["failed_calls"] = m.FailedCalls,
                ["insight_calls"] = m.InsightCalls,
                ["prompt_tokens"] = m.PromptTokens,
                ["completion_tokens"] = m.CompletionTokens,
                ["total_tokens"] = m.TotalTokens,
                ["cost"] = Math.Round(m.Cost, 6),
                ["mutations"] = m.Mutations,
                ["failed_mutations"] = m.FailedMutations,
                ["reasks"] = m.Reasks,
                ["children_valid"] = children.Count(p => p.IsValid),
                ["children_improved"] = children.Count(p => Improved(p, byId, primary)),
                ["children_duplicate"] = children.Count(p => p.DuplicateOf is not null),
            };
        }
        return new JsonObject
        {
            ["prompt_tokens"] = usage.PromptTokens,
            ["completion_tokens"] = usage.CompletionTokens,
            ["total_tokens"] = usage.TotalTokens,
            ["cost"] = Math.Round(usage.Cost, 6),
            ["calls"] = usage.Calls,
            ["models"] = models,
        };
    }

    private static bool Improved(EvolvedProgram child, Dictionary<Guid, EvolvedProgram> byId, MetricSpec primary) =>
        child.IsValid && child.Lineage.Parents.Count > 0 && byId.TryGetValue(child.Lineage.Parents[0], out var parent)
        && (!parent.IsValid || primary.IsBetter(child.Metrics[primary.Name], parent.Metrics[primary.Name]));
}
