using System.Globalization;

namespace GigaEvo.Core.Experiments;

/// <summary>Turns an experiment's fields into the <c>key=value</c> overrides of the configuration system.</summary>
public static class ExperimentOverrides
{
    /// <summary>The advanced options of the form (islands, parallelism, seed) plus the user's own overrides, as stored.</summary>
    public static List<string> FromRequest(ExperimentRequest r)
    {
        var list = new List<string>();
        if (r.Islands is { } islands)
        {
            // One island per entry with the default axes (fitness × validity); a preset's own islands are replaced.
            list.Add("islands=[" + string.Join(", ", Enumerable.Range(1, islands).Select(i => $"{{name: island_{i}}}")) + "]");
        }
        if (r.Parallelism is { } parallelism)
        {
            list.Add(Invariant($"max_parallel_programs={parallelism}"));
        }
        if (r.Seed is { } seed)
        {
            list.Add(Invariant($"seed={seed}"));
        }
        list.AddRange((r.Overrides ?? []).Select(o => o.Trim()));
        return list;
    }

    /// <summary>Everything a run of <paramref name="e"/> composes its configuration from.</summary>
    public static IReadOnlyList<string> ForRun(Experiment e, string problemDirectory, string runDirectory, PlatformOptions options)
    {
        var list = new List<string>
        {
            "experiment=" + e.Preset,
            "problem.dir=" + problemDirectory,
            Invariant($"max_generations={e.Generations}"),
            "output.run_dir=" + runDirectory,
        };
        if (e.Model == Models.LocalOperator)
        {
            list.Add("mutation.operator=local");
        }
        else
        {
            list.Add("mutation.operator=llm");
            list.Add("model_name=" + e.Model);
            if (options.LlmBaseUrl is { } url)
            {
                list.Add("llm.base_url=" + url);
            }
            if (options.LlmApiKey is { } key)
            {
                list.Add("llm.api_key=" + key);
            }
        }
        list.AddRange(e.Overrides);
        return list;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
