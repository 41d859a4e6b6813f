using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation.Llm;

namespace GigaEvo.Tests.Unit.Llm;

public sealed class LlmLedgerTests
{
    private static readonly LlmModel Model = new()
    {
        Name = "m", Endpoint = new Uri("http://127.0.0.1:9/v1"), InputPricePerMillion = 1, OutputPricePerMillion = 4, Timeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void BudgetStopReason_TokenBudgetReached_NamesTheKeyAndTheCount()
    {
        var ledger = new LlmLedger(new LlmSettings { TokenBudget = 2000 });
        ledger.RecordCall(Model, new LlmTokenUsage(900, 100));
        Assert.Null(ledger.BudgetStopReason);

        ledger.RecordCall(Model, new LlmTokenUsage(900, 100));

        Assert.Equal("llm.token_budget reached: 2,000 of 2,000 tokens used", ledger.BudgetStopReason);
    }

    [Fact]
    public void BudgetStopReason_CostBudgetReached_CountsPricesPerMillion()
    {
        var ledger = new LlmLedger(new LlmSettings { CostBudget = 0.01 });
        ledger.RecordCall(Model, new LlmTokenUsage(2000, 1000)); // 0.002 + 0.004
        Assert.Null(ledger.BudgetStopReason);

        ledger.RecordCall(Model, new LlmTokenUsage(2000, 1000));

        Assert.Equal("llm.cost_budget reached: $0.0120 of $0.0100 spent", ledger.BudgetStopReason);
    }

    [Fact]
    public void Restore_SavedUsage_KeepsCounting()
    {
        var first = new LlmLedger(new LlmSettings());
        first.RecordCall(Model, new LlmTokenUsage(10, 5));
        var second = new LlmLedger(new LlmSettings());

        second.Restore(first.Snapshot());
        second.RecordCall(Model, new LlmTokenUsage(10, 5));

        Assert.Equal((2, 30), (second.Snapshot().Calls, second.Snapshot().TotalTokens));
    }

    [Fact]
    public void Resolve_KeyOrder_ModelKeyThenModelVariableThenRunKeyThenRunVariable()
    {
        var env = new Dictionary<string, string> { ["RUN_KEY"] = "from-run-env", ["MODEL_KEY"] = "from-model-env" };
        var llm = new LlmSettings
        {
            BaseUrl = "http://h:1/v1",
            ApiKeyEnv = "RUN_KEY",
            Models =
            [
                new ModelSettings { Name = "a", ApiKey = "own" },
                new ModelSettings { Name = "b", ApiKeyEnv = "MODEL_KEY" },
                new ModelSettings { Name = "c", BaseUrl = "http://other:2/v1", Temperature = 0.1, MaxTokens = 99, TimeoutSeconds = 5 },
            ],
        };

        var models = LlmModel.Resolve(llm, env.GetValueOrDefault);
        var withRunKey = LlmModel.Resolve(llm with { ApiKey = "run" }, env.GetValueOrDefault);

        Assert.Equal(["own", "from-model-env", "from-run-env"], models.Select(m => m.ApiKey));
        Assert.Equal("run", withRunKey[2].ApiKey);
        Assert.Equal(("http://other:2/v1", 0.1, 99, 5.0), (models[2].Endpoint.ToString(), models[2].Temperature, models[2].MaxTokens, models[2].Timeout.TotalSeconds));
        Assert.Equal(("http://h:1/v1", 0.7, 4096), (models[0].Endpoint.ToString(), models[0].Temperature, models[0].MaxTokens));
        Assert.Equal("a", models[0].ToString()); // never the key
    }
}
