using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation;

/// <summary>
/// What the engine uses of an operator that calls language models, when the operator is one: usage and
/// budget (saved with the run state), feedback for the router, and the optional insights stage.
/// </summary>
public interface ILlmAgent
{
    LlmLedger Ledger { get; }

    /// <summary>The insights stage to add after finalize, or null when <c>mutation.insights</c> is off.</summary>
    IStage? InsightsStage { get; }

    /// <summary>A child this agent made was judged (after evaluation, or found judged on resume).</summary>
    void Observe(EvolvedProgram child, EvolvedProgram parent);
}
