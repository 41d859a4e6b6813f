namespace GigaEvo.Core.Configuration;

/// <summary>Checks of <c>llm</c>.</summary>
internal static class LlmChecks
{
    public static void Validate(LlmSettings llm, SettingsValidator.Errors errors)
    {
        CheckUrl("llm.base_url", llm.BaseUrl, errors);
        errors.InRange("llm.temperature", llm.Temperature, 0, 2);
        errors.AtLeast("llm.max_tokens", llm.MaxTokens, 1);
        errors.Positive("llm.timeout_seconds", llm.TimeoutSeconds);
        errors.OneOf("llm.router", llm.Router, SettingsValidator.Routers);
        errors.AtLeast("llm.max_parallel", llm.MaxParallel, 1);
        errors.AtLeast("llm.request_retries", llm.RequestRetries, 0);
        errors.NotNegative("llm.retry_delay_seconds", llm.RetryDelaySeconds);
        errors.AtLeast("llm.prompt_token_budget", llm.PromptTokenBudget, 500);
        if (llm.InsightsModel is { } insights && llm.Models.All(m => m.Name != insights))
        {
            errors.Add("llm.insights_model", $"'{insights}' is not one of llm.models ({string.Join(", ", llm.Models.Select(m => m.Name))}).");
        }
        if (llm.TokenBudget is { } tokens)
        {
            errors.AtLeast("llm.token_budget", tokens, 0);
        }
        if (llm.CostBudget is { } cost)
        {
            errors.NotNegative("llm.cost_budget", cost);
        }
        if (llm.Models.Count == 0)
        {
            errors.Add("llm.models", "at least one model is required.");
        }
        for (var i = 0; i < llm.Models.Count; i++)
        {
            var model = llm.Models[i];
            var key = $"llm.models.{i}";
            errors.NotBlank($"{key}.name", model.Name);
            errors.NotNegative($"{key}.weight", model.Weight);
            errors.NotNegative($"{key}.input_price_per_million", model.InputPricePerMillion);
            errors.NotNegative($"{key}.output_price_per_million", model.OutputPricePerMillion);
            CheckUrl($"{key}.base_url", model.BaseUrl, errors);
            if (model.Temperature is { } t)
            {
                errors.InRange($"{key}.temperature", t, 0, 2);
            }
            if (model.MaxTokens is { } m)
            {
                errors.AtLeast($"{key}.max_tokens", m, 1);
            }
            if (model.TimeoutSeconds is { } s)
            {
                errors.Positive($"{key}.timeout_seconds", s);
            }
        }
        if (llm.Models.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add("llm.models", $"model '{twice.Key}' is listed twice; names must be unique (usage is counted per name).");
        }
        if (llm.Models.Count > 0 && !(llm.Models.Sum(m => m.Weight) > 0))
        {
            errors.Add("llm.models", "the model weights must not all be zero.");
        }
    }

    private static void CheckUrl(string key, string? url, SettingsValidator.Errors errors)
    {
        if (url is { Length: > 0 } && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add(key, $"'{url}' is not an absolute http(s) URL (e.g. http://localhost:8000/v1).");
        }
    }
}
