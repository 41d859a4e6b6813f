namespace GigaEvo.Core.Mutation.Llm;

/// <summary>Chooses the model of each request (<c>llm.router</c>).</summary>
public interface IModelRouter
{
    string Name { get; }

    /// <summary>Called in slot order, before any request of the generation is awaited, so runs are reproducible.</summary>
    LlmModel Choose(Random rng);

    /// <summary>A child of <paramref name="model"/> was judged: <paramref name="reward"/> in [0, 1].</summary>
    void Observe(string model, double reward);

    public static IModelRouter For(string router, IReadOnlyList<LlmModel> models) => router switch
    {
        "bandit" => new BanditRouter(models),
        _ => new WeightedRouter(models),
    };
}

/// <summary>Draws a model with probability proportional to its weight, from the request's seeded RNG.</summary>
public sealed class WeightedRouter(IReadOnlyList<LlmModel> models) : IModelRouter
{
    public string Name => "weighted";

    public LlmModel Choose(Random rng)
    {
        var pick = rng.NextDouble() * models.Sum(m => m.Weight);
        foreach (var model in models)
        {
            pick -= model.Weight;
            if (pick < 0)
            {
                return model;
            }
        }
        return models.Last(m => m.Weight > 0);
    }

    public void Observe(string model, double reward)
    {
        // Static weights learn nothing.
    }
}
