using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation.Llm;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Timeout;

namespace GigaEvo.Core.Infrastructure.OpenAi;

/// <summary>
/// <see cref="ILlmClient"/> on the official OpenAI SDK, against any OpenAI-compatible endpoint. The SDK's
/// own retries are off: <see cref="LlmResilience"/> (Polly) retries 429, 5xx and timeouts with backoff and
/// jitter and bounds each attempt. One <see cref="ChatClient"/> per model, built once.
/// </summary>
public sealed class OpenAiLlmClient(LlmSettings settings, TimeProvider time, ILogger logger) : ILlmClient
{
    private const string NoKey = "no-key"; // local servers (vLLM, Ollama) accept any bearer token
    private readonly ConcurrentDictionary<LlmModel, ChatClient> _clients = new();
    private readonly ConcurrentDictionary<LlmModel, ResiliencePipeline> _pipelines = new();

    public async Task<LlmReply> CompleteAsync(LlmModel model, IReadOnlyList<LlmMessage> messages, CancellationToken ct)
    {
        var chat = _clients.GetOrAdd(model, Create);
        var pipeline = _pipelines.GetOrAdd(model, m => LlmResilience.Build(m, settings, time, logger));
        var options = new ChatCompletionOptions { Temperature = (float)model.Temperature, MaxOutputTokenCount = model.MaxTokens };
        var chatMessages = messages.Select(ToChatMessage).ToList();
        ChatCompletion completion;
        try
        {
            completion = await pipeline.ExecuteAsync(async token => (await chat.CompleteChatAsync(chatMessages, options, token)).Value, ct);
        }
        catch (ClientResultException e)
        {
            throw LlmResilience.Describe(model, e, settings.RequestRetries);
        }
        catch (TimeoutRejectedException e)
        {
            throw new LlmRequestException(
                $"{model.Name}: no answer within {model.Timeout.TotalSeconds:0.##} s, {settings.RequestRetries + 1} attempt(s)", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new LlmRequestException($"{model.Name}: {model.SafeEndpoint} unreachable ({e.HttpRequestError})", inner: e);
        }
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        var usage = completion.Usage is { } u
            ? new LlmTokenUsage(u.InputTokenCount, u.OutputTokenCount)
            : new LlmTokenUsage(messages.Sum(m => (long)m.Content.Length) / 4, text.Length / 4, Estimated: true);
        return new LlmReply(text, usage);
    }

    private ChatClient Create(LlmModel model)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = model.Endpoint,
            // Retries and the per-attempt timeout belong to the Polly pipeline; this is only a backstop.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = model.Timeout + TimeSpan.FromSeconds(30),
        };
        return new ChatClient(model.Name, new ApiKeyCredential(model.ApiKey ?? NoKey), options);
    }

    private static ChatMessage ToChatMessage(LlmMessage message) => message.Role switch
    {
        LlmRole.System => new SystemChatMessage(message.Content),
        LlmRole.Assistant => new AssistantChatMessage(message.Content),
        _ => new UserChatMessage(message.Content),
    };
}
