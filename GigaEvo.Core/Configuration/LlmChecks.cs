namespace GigaEvo.Core.Configuration;

/// <summary>Checks of <c>llm</c>.</summary>
internal static class LlmChecks
{
    public static void Validate(LlmSettings llm, SettingsValidator.Errors errors)
    {
        if (llm.BaseUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add("llm.base_url", $"'{url}' is not an absolute URL (e.g. http://localhost:8000/v1).");
        }
        errors.InRange("llm.temperature", llm.Temperature, 0, 2);
        errors.AtLeast("llm.max_tokens", llm.MaxTokens, 1);
        errors.Positive("llm.timeout_seconds", llm.TimeoutSeconds);
        errors.OneOf("llm.router", llm.Router, SettingsValidator.Routers);
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
        }
        if (llm.Models.Count > 0 && !(llm.Models.Sum(m => m.Weight) > 0))
        {
            errors.Add("llm.models", "the model weights must not all be zero.");
        }
    }
}
