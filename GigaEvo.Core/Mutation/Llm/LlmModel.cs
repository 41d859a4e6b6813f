using GigaEvo.Core.Configuration;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// One model as called: its own values or the <c>llm.*</c> ones. A class, not a record, so that no
/// generated <c>ToString</c> can print the API key into a log.
/// </summary>
public sealed class LlmModel
{
    public required string Name { get; init; }
    public required Uri Endpoint { get; init; }
    /// <summary>Null for endpoints without authentication (a local vLLM or Ollama).</summary>
    public string? ApiKey { get; init; }
    public double Temperature { get; init; }
    public int MaxTokens { get; init; }
    public TimeSpan Timeout { get; init; }
    public double Weight { get; init; }
    public double InputPricePerMillion { get; init; }
    public double OutputPricePerMillion { get; init; }

    public double Cost(LlmTokenUsage usage) =>
        (usage.PromptTokens * InputPricePerMillion + usage.CompletionTokens * OutputPricePerMillion) / 1_000_000;

    /// <summary>Where it is called, for logs: scheme, host, port and path only (no user info, no query).</summary>
    public string SafeEndpoint => Endpoint.GetLeftPart(UriPartial.Path);

    public override string ToString() => Name;

    /// <summary>
    /// Resolves the configured models. The key of a model is, in order: its <c>api_key</c>, the variable named
    /// by its <c>api_key_env</c>, <c>llm.api_key</c>, the variable named by <c>llm.api_key_env</c>.
    /// </summary>
    public static IReadOnlyList<LlmModel> Resolve(LlmSettings llm, Func<string, string?> environment) =>
        [.. llm.Models.Select((m, i) => new LlmModel
        {
            Name = m.Name,
            Endpoint = new Uri((m.BaseUrl ?? llm.BaseUrl ?? throw new ConfigurationException(
                $"llm.base_url is not set (nor llm.models.{i}.base_url): the LLM agent needs an OpenAI-compatible endpoint, e.g. llm.base_url=http://localhost:8000/v1")).TrimEnd('/')),
            ApiKey = NonEmpty(m.ApiKey) ?? FromEnvironment(m.ApiKeyEnv, environment) ?? NonEmpty(llm.ApiKey) ?? FromEnvironment(llm.ApiKeyEnv, environment),
            Temperature = m.Temperature ?? llm.Temperature,
            MaxTokens = m.MaxTokens ?? llm.MaxTokens,
            Timeout = TimeSpan.FromSeconds(m.TimeoutSeconds ?? llm.TimeoutSeconds),
            Weight = m.Weight,
            InputPricePerMillion = m.InputPricePerMillion,
            OutputPricePerMillion = m.OutputPricePerMillion,
        })];

    private static string? FromEnvironment(string? variable, Func<string, string?> environment) =>
        string.IsNullOrWhiteSpace(variable) ? null : NonEmpty(environment(variable));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
