using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>The answer to one request, or why there is none.</summary>
public sealed record LlmCallOutcome(LlmReply? Reply, string? Error, bool BudgetSpent = false);

/// <summary>
/// Every LLM request of a run goes through here: at most <c>llm.max_parallel</c> in flight, none once a
/// budget is spent, each one counted. A failed request is an outcome (the slot fails, the run goes on);
/// only a fatal one (refused key, unknown model) is thrown.
/// </summary>
public sealed class LlmGateway(ILlmClient client, LlmLedger ledger, int maxParallel, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxParallel));

    public LlmLedger Ledger => ledger;

    public async Task<LlmCallOutcome> CompleteAsync(LlmModel model, IReadOnlyList<LlmMessage> messages, bool insight, CancellationToken ct)
    {
        if (ledger.BudgetStopReason is { } spent)
        {
            return new LlmCallOutcome(null, spent, BudgetSpent: true);
        }
        await _slots.WaitAsync(ct);
        try
        {
            if (ledger.BudgetStopReason is { } spentWhileWaiting)
            {
                return new LlmCallOutcome(null, spentWhileWaiting, BudgetSpent: true);
            }
            var reply = await client.CompleteAsync(model, messages, ct);
            ledger.RecordCall(model, reply.Usage, insight);
            return new LlmCallOutcome(reply, null);
        }
        catch (LlmRequestException e) when (!e.Fatal)
        {
            ledger.RecordFailedCall(model);
            logger.LogWarning("LLM request to {Model} failed: {Reason}", model.Name, e.Message);
            return new LlmCallOutcome(null, e.Message);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
