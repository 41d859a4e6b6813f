using GigaEvo.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Mutation;

/// <summary>Chooses the mutation operator for a run from its settings.</summary>
public static class MutationOperators
{
    public static IMutationOperator Create(EvolutionSettings settings, ILogger logger)
    {
        var wantsLlm = settings.Mutation.Operator == "llm" || (settings.Mutation.Operator == "auto" && settings.Llm.BaseUrl is not null);
        if (wantsLlm)
        {
            // The LLM agent is its own issue; say so plainly instead of silently pretending.
            throw new InvalidOperationException("the LLM mutation agent is not implemented yet: remove llm.base_url or set mutation.operator=local");
        }
        logger.LogInformation("No LLM configured (llm.base_url unset): using the local operator");
        return new LocalNumericMutator();
    }
}
