namespace GigaEvo.Core.Configuration;

/// <summary>
/// One <c>key=value</c> override. The key is dotted (<c>llm.models.1.weight</c>) or an alias; the value
/// is a YAML scalar (typed when bound), a quoted string, or a YAML flow list/map (<c>[{metric: fitness, bins: 5}]</c>).
/// </summary>
public sealed record ConfigOverride(string Key, ConfigNode Value, string Text)
{
    public const string ExperimentKey = "experiment";
    private const string ApiKeyPath = "llm.api_key";

    /// <summary>True when the override may carry the API key; it is then never shown or written.</summary>
    public bool IsSecret => Key == ApiKeyPath || ApiKeyPath.StartsWith(Key + ".", StringComparison.Ordinal)
        || Key.Contains("api_key", StringComparison.Ordinal) || Text.Contains("api_key", StringComparison.Ordinal);

    /// <summary>The override as it may be shown or written: <c>llm.api_key=***</c> for a secret.</summary>
    public string Display => IsSecret ? $"{Key}=***" : Text;

    public static ConfigOverride Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? "" : text[..equals].Trim();
        if (key.Length == 0 || key.Split('.').Any(s => s.Length == 0 || s.Any(char.IsWhiteSpace)))
        {
            var shown = text.Contains("api_key", StringComparison.Ordinal) ? "(redacted)" : $"'{text}'";
            throw new ConfigurationException(
                $"Malformed override {shown}: expected key=value with a dotted key, e.g. max_generations=50, llm.temperature=0.8, islands.0.selection=uniform.");
        }
        var valueText = text[(equals + 1)..].Trim();
        var value = valueText.Length > 0 && valueText[0] is '[' or '{' or '"' or '\''
            ? YamlTreeReader.ReadValue(valueText, $"Override '{key}'")
            : new ConfigScalar(valueText);
        return new ConfigOverride(key, value, text);
    }

    public override string ToString() => Display;
}
