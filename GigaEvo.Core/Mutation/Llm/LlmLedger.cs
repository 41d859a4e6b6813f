using System.Globalization;
using GigaEvo.Core.Configuration;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// Counts tokens and cost per call and per model, and says when a budget (<c>llm.token_budget</c>,
/// <c>llm.cost_budget</c>) is spent. Thread-safe: calls run in parallel. The budget is checked before each
/// call, so calls already in flight may overshoot it by their own size.
/// </summary>
public sealed class LlmLedger(LlmSettings settings)
{
    private readonly Lock _lock = new();
    private Dictionary<string, ModelUsage> _models = [];

    public LlmUsage Snapshot()
    {
        lock (_lock)
        {
            return new LlmUsage { Models = new Dictionary<string, ModelUsage>(_models) };
        }
    }

    public void Restore(LlmUsage? saved)
    {
        lock (_lock)
        {
            _models = saved is null ? [] : new Dictionary<string, ModelUsage>(saved.Models);
        }
    }

    public void RecordCall(LlmModel model, LlmTokenUsage usage, bool insight = false) => Update(model.Name, m => m with
    {
        Calls = m.Calls + 1,
        PromptTokens = m.PromptTokens + usage.PromptTokens,
        CompletionTokens = m.CompletionTokens + usage.CompletionTokens,
        Cost = m.Cost + model.Cost(usage),
        InsightCalls = m.InsightCalls + (insight ? 1 : 0),
    });

    public void RecordFailedCall(LlmModel model) => Update(model.Name, m => m with { FailedCalls = m.FailedCalls + 1 });

    public void RecordReask(LlmModel model) => Update(model.Name, m => m with { Reasks = m.Reasks + 1 });

    public void RecordMutation(LlmModel model, bool made) =>
        Update(model.Name, m => made ? m with { Mutations = m.Mutations + 1 } : m with { FailedMutations = m.FailedMutations + 1 });

    /// <summary>Why no further call may be made (a budget is spent), or null.</summary>
    public string? BudgetStopReason
    {
        get
        {
            var usage = Snapshot();
            if (settings.TokenBudget is { } tokens && usage.TotalTokens >= tokens)
            {
                return string.Create(CultureInfo.InvariantCulture, $"llm.token_budget reached: {usage.TotalTokens:N0} of {tokens:N0} tokens used");
            }
            if (settings.CostBudget is { } cost && usage.Cost >= cost)
            {
                return string.Create(CultureInfo.InvariantCulture, $"llm.cost_budget reached: ${usage.Cost:F4} of ${cost:F4} spent");
            }
            return null;
        }
    }

    private void Update(string model, Func<ModelUsage, ModelUsage> change)
    {
        lock (_lock)
        {
            _models[model] = change(_models.GetValueOrDefault(model) ?? new ModelUsage());
        }
    }
}
