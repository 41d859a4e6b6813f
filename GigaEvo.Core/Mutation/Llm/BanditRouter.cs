namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// UCB1 over the reward of each model's children (see <see cref="MutationReward"/>). Models with weight 0
/// are never chosen. Choices made but not yet judged count as pulls, so one generation's parallel requests
/// spread over the models instead of all going to the current leader.
/// </summary>
public sealed class BanditRouter(IReadOnlyList<LlmModel> models) : IModelRouter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Arm> _arms = models.Where(m => m.Weight > 0).ToDictionary(m => m.Name, _ => new Arm());

    public string Name => "bandit (UCB1 on child improvement)";

    public LlmModel Choose(Random rng)
    {
        lock (_lock)
        {
            var candidates = models.Where(m => m.Weight > 0).ToList();
            var total = _arms.Values.Sum(a => a.Pulls);
            var best = candidates
                .Select(m => (Model: m, Score: Score(_arms[m.Name], total)))
                .OrderByDescending(c => c.Score)
                .ThenBy(_ => rng.Next())
                .First().Model;
            _arms[best.Name].Pending++;
            return best;
        }
    }

    public void Observe(string model, double reward)
    {
        lock (_lock)
        {
            if (_arms.TryGetValue(model, out var arm))
            {
                arm.Judged++;
                arm.RewardSum += Math.Clamp(reward, 0, 1);
                arm.Pending = Math.Max(0, arm.Pending - 1);
            }
        }
    }

    /// <summary>Mean reward of the judged children plus the UCB1 exploration bonus; untried models first.</summary>
    private static double Score(Arm arm, double totalPulls)
    {
        if (arm.Pulls == 0)
        {
            return double.PositiveInfinity;
        }
        var mean = arm.Judged == 0 ? 0 : arm.RewardSum / arm.Judged;
        return mean + Math.Sqrt(2 * Math.Log(Math.Max(totalPulls, 1)) / arm.Pulls);
    }

    private sealed class Arm
    {
        public int Judged { get; set; }
        public int Pending { get; set; }
        public double RewardSum { get; set; }
        public int Pulls => Judged + Pending;
    }
}
