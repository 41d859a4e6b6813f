using System.Globalization;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation.Llm.Insights;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// The LLM mutation operator. Per slot: the router picks a model and <c>mutation.diff_ratio</c> picks diff or
/// rewrite (both from the slot's seeded RNG, before any await, so runs are reproducible); the prompt goes
/// out; a reply that does not parse, apply or pass the cheap check goes back with the precise reason, up to
/// <c>mutation.max_retries</c> times; then the slot is a failed mutation.
/// </summary>
public sealed class LlmAgent : IMutationOperator, ILlmAgent, IDisposable
{
    public const string DiffKind = "llm_diff";
    public const string RewriteKind = "llm_rewrite";

    private readonly EvolutionSettings _settings;
    private readonly ProblemDefinition _problem;
    private readonly IReadOnlyList<LlmModel> _models;
    private readonly LlmGateway _gateway;
    private readonly IModelRouter _router;
    private readonly PromptBuilder _prompts;
    private readonly ILogger _logger;

    public LlmAgent(EvolutionSettings settings, ProblemDefinition problem, IReadOnlyList<LlmModel> models, ILlmClient client,
        PromptTemplates templates, ILogger logger)
    {
        (_settings, _problem, _models, _logger) = (settings, problem, models, logger);
        Ledger = new LlmLedger(settings.Llm);
        _gateway = new LlmGateway(client, Ledger, settings.Llm.MaxParallel, logger);
        _router = IModelRouter.For(settings.Llm.Router, models);
        _prompts = new PromptBuilder(templates, settings.Llm.PromptTokenBudget);
        if (settings.Mutation.Insights)
        {
            var model = models.FirstOrDefault(m => m.Name == settings.Llm.InsightsModel) ?? models[0];
            // Room for every retry of both requests (the first reply and one re-ask), plus backoff.
            var timeout = model.Timeout * (settings.Llm.RequestRetries + 1) * 2 + TimeSpan.FromSeconds(60 + 4 * settings.Llm.RetryDelaySeconds * (settings.Llm.RequestRetries + 1));
            InsightsStage = new InsightsStage(_gateway, model, templates, problem, timeout);
        }
    }

    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"LLM agent: models {string.Join(", ", _models.Select(m => $"{m.Name} (weight {m.Weight:0.###}, {m.SafeEndpoint})"))}; router {_router.Name}; diff ratio {_settings.Mutation.DiffRatio:0.##}; insights {(InsightsStage is null ? "off" : "on")}");

    public LlmLedger Ledger { get; }

    public IStage? InsightsStage { get; }

    public Task<MutationResult?> MutateAsync(MutationRequest request, CancellationToken ct)
    {
        var model = _router.Choose(request.Random);
        var mode = request.Random.NextDouble() < request.Settings.DiffRatio ? MutationMode.Diff : MutationMode.Rewrite;
        return ConverseAsync(request, model, mode, ct);
    }

    public void Observe(EvolvedProgram child, EvolvedProgram parent)
    {
        if (child.Lineage.Model is { } model)
        {
            _router.Observe(model, MutationReward.Of(child, parent, _problem.Primary));
        }
    }

    private async Task<MutationResult?> ConverseAsync(MutationRequest request, LlmModel model, MutationMode mode, CancellationToken ct)
    {
        var parent = request.Parents[0].Code;
        var messages = _prompts.Build(request, mode).ToList();
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await _gateway.CompleteAsync(model, messages, insight: false, ct);
            if (outcome.BudgetSpent)
            {
                throw new MutationBudgetSpentException(outcome.Error!);
            }
            if (outcome.Reply is not { } reply)
            {
                return Failed(model, $"request failed: {outcome.Error}");
            }
            var result = ReplyInterpreter.Interpret(reply.Text, parent, mode);
            if (result.Code is { } code)
            {
                Ledger.RecordMutation(model, made: true);
                var note = (result.Summary ?? (mode == MutationMode.Diff ? "SEARCH/REPLACE diff" : "full rewrite"))
                    + (attempt > 0 ? $" (after {attempt} re-ask{(attempt > 1 ? "s" : "")})" : "");
                return new MutationResult(code, mode == MutationMode.Diff ? DiffKind : RewriteKind, model.Name, note);
            }
            if (attempt >= request.Settings.MaxRetries)
            {
                return Failed(model, $"no usable answer after {attempt + 1} attempt(s); last: {result.Error}");
            }
            Ledger.RecordReask(model);
            _logger.LogDebug("{Model}: reply not usable ({Reason}); asking again", model.Name, result.Error);
            messages.Add(new LlmMessage(LlmRole.Assistant, reply.Text));
            messages.Add(new LlmMessage(LlmRole.User, _prompts.Retry(result.Error!, mode, parent, request.Problem)));
        }
    }

    private MutationResult? Failed(LlmModel model, string reason)
    {
        Ledger.RecordMutation(model, made: false);
        _router.Observe(model.Name, 0);
        _logger.LogInformation("Failed mutation ({Model}): {Reason}", model.Name, reason);
        return null;
    }

    public void Dispose() => _gateway.Dispose();
}
