namespace GigaEvo.Core.Configuration;

/// <summary>The valid dotted keys of the configuration (list items shown as <c>&lt;i&gt;</c>), the aliases, and "did you mean" suggestions.</summary>
public static class ConfigKeys
{
    public const string Index = "<i>";

    /// <summary>Short override keys and what they stand for.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["temperature"] = "llm.temperature",
        ["model_name"] = "llm.models = [one model with this name, weight 1]",
    };

    /// <summary>Every dotted leaf key, e.g. <c>max_generations</c>, <c>islands.&lt;i&gt;.axes.&lt;i&gt;.bins</c>.</summary>
    public static IReadOnlyList<string> LeafKeys { get; } = Leaves(SchemaNode.Root, "").ToList();

    /// <summary>The leaf keys followed by the aliases: what an override may name.</summary>
    public static IReadOnlyList<string> All { get; } = [.. LeafKeys, .. Aliases.Keys];

    private static IEnumerable<string> Leaves(SchemaNode schema, string prefix) => schema switch
    {
        SectionSchema section => section.Properties.SelectMany(p => Leaves(p.Schema, Join(prefix, p.Key))),
        ListSchema { Item: SectionSchema item } => Leaves(item, Join(prefix, Index)),
        _ => [prefix],
    };

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    /// <summary>The error for an unknown key: names it, suggests close keys, lists the valid ones.</summary>
    internal static ConfigurationException Unknown(string key, string context)
    {
        var suggestions = Suggest(key);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions)}?" : "";
        return new ConfigurationException(
            $"Unknown configuration key '{key}'{context}.{hint}\n{ValidKeysText()}");
    }

    internal static string ValidKeysText() =>
        "Valid keys: " + string.Join(", ", LeafKeys) +
        $"\n(<i> is a list index: 0, 1, ...; a list key also takes a whole YAML flow list, e.g. islands.0.axes=[{{metric: fitness, bins: 5}}])" +
        "\nAliases: " + string.Join(", ", Aliases.Select(a => $"{a.Key} ({a.Value})"));

    /// <summary>Up to three valid keys close to <paramref name="key"/>, with the user's list indexes filled in.</summary>
    public static IReadOnlyList<string> Suggest(string key)
    {
        var segments = key.Split('.');
        var normalized = string.Join('.', segments.Select(s => s.Length > 0 && s.All(char.IsAsciiDigit) ? Index : s));
        var last = segments[^1];
        return All
            .Select(candidate => (candidate, score: Score(normalized, last, candidate)))
            .Where(c => c.score is not null && c.candidate != normalized)
            .OrderBy(c => c.score)
            .ThenBy(c => Distance(normalized, c.candidate))
            .ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Take(3)
            .Select(c => FillIndexes(c.candidate, segments))
            .ToList();
    }

    private static int? Score(string key, string last, string candidate)
    {
        var candidateLast = candidate[(candidate.LastIndexOf('.') + 1)..];
        var distance = Math.Min(Distance(key, candidate), Distance(last, candidateLast));
        var limit = Math.Clamp(last.Length / 4, 1, 3);
        if (distance <= limit)
        {
            return distance;
        }
        var contained = Math.Min(last.Length, candidateLast.Length) >= 4
            && (candidateLast.Contains(last, StringComparison.Ordinal) || last.Contains(candidateLast, StringComparison.Ordinal));
        return contained ? limit + 1 : null;
    }

    private static string FillIndexes(string candidate, string[] userSegments)
    {
        var parts = candidate.Split('.');
        for (var i = 0; i < parts.Length && i < userSegments.Length; i++)
        {
            if (parts[i] == Index && userSegments[i].Length > 0 && userSegments[i].All(char.IsAsciiDigit))
            {
                parts[i] = userSegments[i];
            }
        }
        return string.Join('.', parts);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
