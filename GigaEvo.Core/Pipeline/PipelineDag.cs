namespace GigaEvo.Core.Pipeline;

/// <summary>When an execution-order edge lets its target run.</summary>
public enum ExecutionCondition
{
    OnSuccess,
    OnFailure,
    Always,
}

public sealed record DataEdge(string From, string To, string Input);

public sealed record ExecutionEdge(string From, string To, ExecutionCondition Condition);

/// <summary>A validated DAG of stages: data edges carry typed values, execution edges order runs.</summary>
public sealed class PipelineDag
{
    private readonly Dictionary<string, IStage> _stages = [];
    private readonly List<DataEdge> _data = [];
    private readonly List<ExecutionEdge> _execution = [];

    public IReadOnlyDictionary<string, IStage> Stages => _stages;

    public IReadOnlyList<DataEdge> DataEdges => _data;

    public IReadOnlyList<ExecutionEdge> ExecutionEdges => _execution;

    public PipelineDag Add(IStage stage)
    {
        if (!_stages.TryAdd(stage.Name, stage))
        {
            throw new InvalidOperationException($"stage '{stage.Name}' is added twice");
        }
        return this;
    }

    public PipelineDag Data(string from, string to, string input)
    {
        _data.Add(new DataEdge(from, to, input));
        return this;
    }

    public PipelineDag After(string from, string to, ExecutionCondition condition = ExecutionCondition.OnSuccess)
    {
        _execution.Add(new ExecutionEdge(from, to, condition));
        return this;
    }

    public IEnumerable<string> Predecessors(string stage) =>
        _data.Where(e => e.To == stage).Select(e => e.From)
            .Concat(_execution.Where(e => e.To == stage).Select(e => e.From))
            .Distinct();

    /// <summary>Checks names, types, bindings and acyclicity; returns the stages in a topological order.</summary>
    public IReadOnlyList<string> Validate()
    {
        var defects = new List<string>();
        foreach (var (from, to) in _data.Select(e => (e.From, e.To)).Concat(_execution.Select(e => (e.From, e.To))))
        {
            foreach (var name in new[] { from, to }.Where(n => !_stages.ContainsKey(n)))
            {
                defects.Add($"edge {from} -> {to} names unknown stage '{name}'");
            }
        }
        foreach (var edge in _data.Where(e => _stages.ContainsKey(e.From) && _stages.ContainsKey(e.To)))
        {
            var input = _stages[edge.To].Inputs.FirstOrDefault(i => i.Name == edge.Input);
            if (input is null)
            {
                defects.Add($"stage '{edge.To}' has no input '{edge.Input}' (data edge from '{edge.From}')");
            }
            else if (!input.Type.IsAssignableFrom(_stages[edge.From].OutputType))
            {
                defects.Add($"data edge {edge.From} -> {edge.To}.{edge.Input}: {_stages[edge.From].OutputType.Name} is not a {input.Type.Name}");
            }
        }
        foreach (var stage in _stages.Values)
        {
            foreach (var input in stage.Inputs)
            {
                var feeds = _data.Count(e => e.To == stage.Name && e.Input == input.Name);
                if (feeds == 0 && !input.Optional)
                {
                    defects.Add($"required input '{input.Name}' of stage '{stage.Name}' has no data edge");
                }
                else if (feeds > 1)
                {
                    defects.Add($"input '{input.Name}' of stage '{stage.Name}' is fed by {feeds} edges");
                }
            }
        }
        var order = TopologicalOrder(defects);
        return defects.Count > 0
            ? throw new InvalidOperationException("invalid pipeline: " + string.Join("; ", defects))
            : order;
    }

    private List<string> TopologicalOrder(List<string> defects)
    {
        var remaining = _stages.Keys.ToDictionary(n => n, n => Predecessors(n).Count(_stages.ContainsKey));
        var order = new List<string>();
        var ready = new Queue<string>(remaining.Where(kv => kv.Value == 0).Select(kv => kv.Key).Order(StringComparer.Ordinal));
        while (ready.TryDequeue(out var name))
        {
            order.Add(name);
            foreach (var next in _stages.Keys.Where(n => Predecessors(n).Contains(name)))
            {
                if (--remaining[next] == 0)
                {
                    ready.Enqueue(next);
                }
            }
        }
        if (order.Count < _stages.Count)
        {
            defects.Add("cycle among stages: " + string.Join(", ", _stages.Keys.Except(order).Order(StringComparer.Ordinal)));
        }
        return order;
    }
}
