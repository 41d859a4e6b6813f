using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using GigaEvo.Web.ViewModels;

namespace GigaEvo.Tests.Web.ViewModels;

/// <summary>The tracking page's cards from an experiment's numbers: tokens only when an LLM mutates.</summary>
public sealed class TrackingCardsTests
{
    private static ExperimentDto Experiment(string model, long tokens, double cost) => ExperimentDto.From(new Experiment
    {
        Id = "EXP-20260101-0001", Name = "cards", TaskType = TaskTypes.Custom, ProblemKey = "p", Metric = "fitness", Model = model,
        Preset = "base", Generations = 5,
        Summary = new ExperimentSummary
        {
            BestMetric = 0.75, BestGeneration = 3, GenerationsDone = 4, ProgramsTotal = 30, ProgramsValid = 26, ProgramsInvalid = 4, Tokens = tokens, Cost = cost,
        },
    });

    [Fact]
    public void CardsOf_LocalOperator_ShowsTheNumbersWithoutTokens()
    {
        var cards = TrackingViewModel.CardsOf(Experiment(Models.LocalOperator, 0, 0));
        Assert.Equal(
        [
            new Card("Best fitness", "0.75"), new Card("Best generation", "3"), new Card("Generations", "4 / 5"),
            new Card("Programs", "30 (26 valid, 4 invalid)"),
        ], cards);
    }

    [Fact]
    public void CardsOf_Llm_AddsTokensAndCost()
    {
        Assert.Equal(new Card("Tokens", "12,345 (cost 0.0185)"), TrackingViewModel.CardsOf(Experiment("gpt-4o-mini", 12345, 0.0185))[^1]);
        Assert.Equal(new Card("Tokens", "0"), TrackingViewModel.CardsOf(Experiment("gpt-4o-mini", 0, 0))[^1]);
    }
}
