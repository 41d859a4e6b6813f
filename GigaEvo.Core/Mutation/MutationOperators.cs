using GigaEvo.Core.Configuration;
using GigaEvo.Core.Infrastructure.OpenAi;
using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Core.Problems;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Mutation;

/// <summary>Chooses the mutation operator for a run from its settings, and says in the log which one it is.</summary>
public static class MutationOperators
{
    /// <summary>
    /// <c>mutation.operator=llm</c>, or <c>auto</c> with an endpoint configured (<c>llm.base_url</c>, or one
    /// per model): the LLM agent. Otherwise the local operator.
    /// </summary>
    public static bool UsesLlm(EvolutionSettings settings) =>
        settings.Mutation.Operator == "llm"
        || (settings.Mutation.Operator == "auto" && (settings.Llm.BaseUrl is not null || settings.Llm.Models.All(m => m.BaseUrl is not null)));

    /// <param name="environment">Reads the API key variables (default: the process environment).</param>
    public static IMutationOperator Create(EvolutionSettings settings, ProblemDefinition problem, ILogger logger,
        Func<string, string?>? environment = null, TimeProvider? time = null)
    {
        if (!UsesLlm(settings))
        {
            logger.LogInformation("No LLM configured (llm.base_url unset): using the local operator");
            return new LocalNumericMutator();
        }
        var models = LlmModel.Resolve(settings.Llm, environment ?? Environment.GetEnvironmentVariable);
        foreach (var model in models.Where(m => m.ApiKey is null))
        {
            logger.LogInformation("No API key for {Model} (llm.api_key, or the variable named by llm.api_key_env): requests go unauthenticated", model.Name);
        }
        var client = new OpenAiLlmClient(settings.Llm, time ?? TimeProvider.System, logger);
        var agent = new LlmAgent(settings, problem, models, client, PromptTemplates.Load(problem.Directory), logger);
        return agent;
    }
}
