using System.ClientModel;
using System.Globalization;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation.Llm;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GigaEvo.Core.Infrastructure.OpenAi;

/// <summary>
/// Retry (exponential backoff with jitter, Retry-After honoured) around a per-attempt timeout. Transient:
/// HTTP 408, 429, 5xx, no response at all, and attempts that time out.
/// </summary>
internal static class LlmResilience
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    public static ResiliencePipeline Build(LlmModel model, LlmSettings settings, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.RequestRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ClientResultException>(e => IsTransient(e.Status))
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>(),
                MaxRetryAttempts = settings.RequestRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(settings.RetryDelaySeconds),
                MaxDelay = TimeSpan.FromSeconds(Math.Max(settings.RetryDelaySeconds, 60)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    logger.LogInformation("LLM request to {Model}: {Reason}; retry {Attempt} in {Delay:0.##} s", model.Name,
                        Reason(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.AddTimeout(model.Timeout).Build();
    }

    public static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    /// <summary>The error for a request that failed for good; 401, 403 and 404 are fatal (key or model is wrong).</summary>
    public static LlmRequestException Describe(LlmModel model, ClientResultException e, int retries)
    {
        var status = e.Status;
        var what = status switch
        {
            401 or 403 => $"HTTP {status}: the endpoint refused the API key (set llm.api_key, or the variable named by llm.api_key_env)",
            404 => $"HTTP 404: {model.SafeEndpoint} has no chat completions for model '{model.Name}' (check llm.base_url and the model name)",
            0 => "no response from the endpoint",
            _ when IsTransient(status) => $"HTTP {status} after {retries + 1} attempt(s)",
            // A refused request (e.g. 400: prompt too long) carries the provider's reason: show it on one line, never a key.
            _ => Redact(string.Join(" ", e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), model.ApiKey),
        };
        return new LlmRequestException($"{model.Name}: {what}", fatal: status is 401 or 403 or 404, inner: e);
    }

    private static string Redact(string text, string? key) =>
        key is { Length: >= 4 } ? text.Replace(key, "***", StringComparison.Ordinal) : text;

    /// <summary>The server's Retry-After (seconds), capped; null lets Polly compute the jittered backoff.</summary>
    private static TimeSpan? RetryAfter(Exception? exception)
    {
        if (exception is ClientResultException e && e.GetRawResponse() is { } response
            && response.Headers.TryGetValue("Retry-After", out var value)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryAfter.TotalSeconds));
        }
        return null;
    }

    private static string Reason(Exception? exception) => exception switch
    {
        ClientResultException e => e.Status == 0 ? "no response" : $"HTTP {e.Status}",
        TimeoutRejectedException => "timed out",
        HttpRequestException e => $"unreachable ({e.HttpRequestError})",
        _ => exception?.GetType().Name ?? "failed",
    };
}
