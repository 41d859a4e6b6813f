namespace GigaEvo.Core.Mutation.Llm;

/// <summary>What one model cost and produced over a run.</summary>
public sealed record ModelUsage
{
    /// <summary>Answered requests (each retry after a bad reply is a request).</summary>
    public long Calls { get; init; }
    /// <summary>Requests that failed after their retries (HTTP errors, timeouts).</summary>
    public long FailedCalls { get; init; }
    public long PromptTokens { get; init; }
    public long CompletionTokens { get; init; }
    public double Cost { get; init; }
    /// <summary>Children made.</summary>
    public int Mutations { get; init; }
    /// <summary>Slots given up: no usable answer within mutation.max_retries re-asks, or a failed request.</summary>
    public int FailedMutations { get; init; }
    /// <summary>Replies sent back to the model with the reason they could not be used.</summary>
    public int Reasks { get; init; }
    public int InsightCalls { get; init; }

    public long TotalTokens => PromptTokens + CompletionTokens;
}

/// <summary>A run's LLM usage per model name; saved with the run state so a resumed run keeps counting.</summary>
public sealed record LlmUsage
{
    public Dictionary<string, ModelUsage> Models { get; init; } = [];

    public long PromptTokens => Models.Values.Sum(m => m.PromptTokens);
    public long CompletionTokens => Models.Values.Sum(m => m.CompletionTokens);
    public long TotalTokens => PromptTokens + CompletionTokens;
    public double Cost => Models.Values.Sum(m => m.Cost);
    public long Calls => Models.Values.Sum(m => m.Calls);
}
