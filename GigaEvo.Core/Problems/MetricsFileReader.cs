using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GigaEvo.Core.Problems;

/// <summary>One metric as written in <c>metrics.yaml</c>, before the cross-field rules.</summary>
internal sealed class MetricDraft(string name, long line)
{
    public string Name { get; } = name;
    public long Line { get; } = line;
    public string Description { get; set; } = "";
    public int Decimals { get; set; } = 5;
    public bool IsPrimary { get; set; }
    public bool HigherIsBetter { get; set; } = true;
    public string? Unit { get; set; }
    public double? LowerBound { get; set; }
    public double? UpperBound { get; set; }
    public bool IncludeInPrompts { get; set; } = true;
    public double? SignificantChange { get; set; }
    public double? SentinelValue { get; set; }

    /// <summary>Fields whose value was refused; rules depending on them are skipped to avoid echo defects.</summary>
    public HashSet<string> InvalidFields { get; } = [];
}

/// <param name="DeclaredNames">Every metric name under <c>specs:</c>, including those that were not maps.</param>
/// <param name="Complete">False when a spec could not be read at all (so "no primary" would be a guess).</param>
internal sealed record MetricsDocument(IReadOnlyList<MetricDraft> Metrics, IReadOnlySet<string> DeclaredNames, bool Complete);

/// <summary>Parses <c>metrics.yaml</c> into drafts, reporting syntax, shape, unknown-field and type defects.</summary>
internal static partial class MetricsFileReader
{
    private const string MetricsFile = ProblemLayout.MetricsFile;

    public static readonly IReadOnlyList<string> AllowedFields =
    [
        "description", "decimals", "is_primary", "higher_is_better", "unit", "lower_bound", "upper_bound",
        "include_in_prompts", "significant_change", "sentinel_value",
    ];

    /// <summary>The metrics, or null when the file cannot be read as a <c>specs:</c> map at all.</summary>
    public static MetricsDocument? Read(string yaml, List<string> defects)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            defects.Add($"{MetricsFile} line {ex.Start.Line}, column {ex.Start.Column}: not valid YAML: {CleanMessage(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet fails some truncated documents (an unclosed '[' at the end…) without a position.
            defects.Add($"{MetricsFile} line {parser.LastGood.Line}, column {parser.LastGood.Column}: not valid YAML: "
                + "the document cannot be parsed after this point (unclosed bracket, quote or block?)");
            return null;
        }
        if (stream.Documents.Count == 0 || YamlValues.IsNull(stream.Documents[0].RootNode))
        {
            defects.Add($"{MetricsFile} is empty; it must hold a 'specs:' map of metric name to fields");
            return null;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            defects.Add($"{MetricsFile}: the top level must be a map with a 'specs:' key, got {YamlValues.Describe(stream.Documents[0].RootNode)}");
            return null;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("specs"), out var specsNode))
        {
            defects.Add($"{MetricsFile} has no 'specs:' map (metric name to fields)");
            return null;
        }
        if (YamlValues.IsNull(specsNode))
        {
            return new MetricsDocument([], new HashSet<string>(), Complete: true);
        }
        if (specsNode is not YamlMappingNode specs)
        {
            defects.Add($"{MetricsFile} line {specsNode.Start.Line}: 'specs' must be a map of metric name to fields, got {YamlValues.Describe(specsNode)}");
            return null;
        }
        return ReadSpecs(specs, defects);
    }

    private static MetricsDocument ReadSpecs(YamlMappingNode specs, List<string> defects)
    {
        var drafts = new List<MetricDraft>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        foreach (var (keyNode, valueNode) in specs.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                defects.Add($"{MetricsFile} line {keyNode.Start.Line}: a metric name must be a non-empty text, got {YamlValues.Describe(keyNode)}");
                complete = false;
                continue;
            }
            names.Add(name);
            if (valueNode is not YamlMappingNode fields)
            {
                defects.Add($"{MetricsFile} line {valueNode.Start.Line}: metric '{name}' must be a map of fields ({string.Join(", ", AllowedFields)}), got {YamlValues.Describe(valueNode)}");
                complete = false;
                continue;
            }
            var draft = new MetricDraft(name, keyNode.Start.Line);
            foreach (var (fieldKey, fieldValue) in fields.Children)
            {
                ReadField(draft, fieldKey, fieldValue, defects);
            }
            drafts.Add(draft);
        }
        return new MetricsDocument(drafts, names, complete);
    }

    private static void ReadField(MetricDraft draft, YamlNode keyNode, YamlNode node, List<string> defects)
    {
        var field = (keyNode as YamlScalarNode)?.Value ?? "";
        if (!AllowedFields.Contains(field))
        {
            defects.Add($"{MetricsFile} line {keyNode.Start.Line}: metric '{draft.Name}' has unknown field '{field}'; allowed fields: {string.Join(", ", AllowedFields)}");
            return;
        }
        var ok = field switch
        {
            "description" => YamlValues.TryString(node, allowNull: false, out var text) && Set(() => draft.Description = text!),
            "unit" => YamlValues.TryString(node, allowNull: true, out var unit) && Set(() => draft.Unit = unit),
            "decimals" => YamlValues.TryInteger(node, out var decimals) && Set(() => draft.Decimals = decimals),
            "is_primary" => YamlValues.TryBoolean(node, out var primary) && Set(() => draft.IsPrimary = primary),
            "higher_is_better" => YamlValues.TryBoolean(node, out var higher) && Set(() => draft.HigherIsBetter = higher),
            "include_in_prompts" => YamlValues.TryBoolean(node, out var include) && Set(() => draft.IncludeInPrompts = include),
            "lower_bound" => YamlValues.TryOptionalNumber(node, out var lower) && Set(() => draft.LowerBound = lower),
            "upper_bound" => YamlValues.TryOptionalNumber(node, out var upper) && Set(() => draft.UpperBound = upper),
            "significant_change" => YamlValues.TryOptionalNumber(node, out var change) && Set(() => draft.SignificantChange = change),
            _ => YamlValues.TryOptionalNumber(node, out var sentinel) && Set(() => draft.SentinelValue = sentinel),
        };
        if (!ok)
        {
            draft.InvalidFields.Add(field);
            defects.Add($"{MetricsFile} line {node.Start.Line}: metric '{draft.Name}', field '{field}': {YamlValues.Describe(node)} is not {Expected(field)}");
        }
    }

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    private static string Expected(string field) => field switch
    {
        "description" => "a string",
        "unit" => "a string (or null)",
        "decimals" => "an integer",
        "is_primary" or "higher_is_better" or "include_in_prompts" => "a boolean; expected true or false",
        _ => "a number; expected a finite number (or null)",
    };

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; the line is reported separately.</summary>
    private static string CleanMessage(YamlException ex)
    {
        var message = MarkPrefix().Replace(ex.Message, "");
        if (ex.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += $" ({inner.Message})";
        }
        return message.Trim();
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    /// <summary>Remembers where the last event parsed correctly ended, for errors that carry no position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (moved && inner.Current is { } current)
            {
                LastGood = current.End;
            }
            return moved;
        }
    }
}
