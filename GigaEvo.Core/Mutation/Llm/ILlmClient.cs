namespace GigaEvo.Core.Mutation.Llm;

public enum LlmRole
{
    System,
    User,
    Assistant,
}

public sealed record LlmMessage(LlmRole Role, string Content);

/// <summary>Tokens of one call; <see cref="Estimated"/> when the endpoint reported none (4 characters per token).</summary>
public sealed record LlmTokenUsage(long PromptTokens, long CompletionTokens, bool Estimated = false)
{
    public long TotalTokens => PromptTokens + CompletionTokens;
}

public sealed record LlmReply(string Text, LlmTokenUsage Usage);

/// <summary>
/// The one seam between GigaEvo and language models: a chat completion against an OpenAI-compatible
/// endpoint. Retries of transient failures (429, 5xx, timeouts) happen behind it.
/// </summary>
public interface ILlmClient
{
    /// <exception cref="LlmRequestException">The request failed for good (after its retries).</exception>
    Task<LlmReply> CompleteAsync(LlmModel model, IReadOnlyList<LlmMessage> messages, CancellationToken ct);
}

/// <summary>
/// A request that failed after its retries. <see cref="Fatal"/> when no retry or later request can succeed
/// (a refused key, an unknown model): the run then stops with this message instead of failing every mutation.
/// The message never contains an API key.
/// </summary>
public sealed class LlmRequestException(string message, bool fatal = false, Exception? inner = null)
    : InvalidOperationException(message, inner)
{
    public bool Fatal { get; } = fatal;
}
