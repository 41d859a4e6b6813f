using System.Text.Json;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation.Llm.Insights;

/// <summary>Reads an insights reply: a JSON list of {kind, severity, text}, possibly fenced or wrapped in {"insights": [...]}.</summary>
public static class InsightsParser
{
    public const int MaxItems = 8;
    private const int MaxText = 500;
    private static readonly string[] Severities = ["low", "medium", "high"];

    public static (IReadOnlyList<ProgramInsight>? Items, string? Error) Parse(string reply)
    {
        var start = reply.IndexOfAny(['[', '{']);
        var end = reply.LastIndexOfAny([']', '}']);
        if (start < 0 || end < start)
        {
            return (null, "it holds no JSON list.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reply[start..(end + 1)]);
        }
        catch (JsonException e)
        {
            return (null, $"it is not valid JSON ({e.Message}).");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("insights", out var inner))
            {
                root = inner;
            }
            if (root.ValueKind != JsonValueKind.Array)
            {
                return (null, "it is JSON but not a list of {\"kind\", \"severity\", \"text\"} objects.");
            }
            var items = new List<ProgramInsight>();
            foreach (var element in root.EnumerateArray().Take(MaxItems))
            {
                if (element.ValueKind != JsonValueKind.Object || Text(element, "text") is not { Length: > 0 } text)
                {
                    return (null, $"item {items.Count + 1} is not an object with a non-empty \"text\".");
                }
                var severity = Text(element, "severity")?.ToLowerInvariant();
                items.Add(new ProgramInsight(
                    Text(element, "kind")?.ToLowerInvariant() ?? "note",
                    Severities.Contains(severity) ? severity! : "medium",
                    text.Length > MaxText ? text[..MaxText] + "…" : text));
            }
            return (items, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
}
