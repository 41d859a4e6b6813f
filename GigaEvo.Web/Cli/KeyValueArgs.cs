using System.Globalization;

namespace GigaEvo.Web.Cli;

/// <summary>Parses <c>key=value</c> arguments against a list of valid keys; positional arguments are kept apart.</summary>
internal sealed class KeyValueArgs
{
    private readonly Dictionary<string, string> _values;

    private KeyValueArgs(Dictionary<string, string> values, List<string> positional)
    {
        _values = values;
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Null (and <paramref name="error"/> set) when a key is unknown.</summary>
    public static KeyValueArgs? Parse(IEnumerable<string> args, IReadOnlyCollection<string> validKeys, out string? error)
    {
        var values = new Dictionary<string, string>();
        var positional = new List<string>();
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                positional.Add(arg);
                continue;
            }
            var key = arg[..eq];
            if (!validKeys.Contains(key))
            {
                error = $"unknown option '{key}'; valid: {string.Join(", ", validKeys)}";
                return null;
            }
            values[key] = arg[(eq + 1)..];
        }
        error = null;
        return new KeyValueArgs(values, positional);
    }

    public string? Get(string key) => _values.GetValueOrDefault(key);

    public T? Number<T>(string key) where T : struct, IParsable<T> =>
        _values.TryGetValue(key, out var text)
            ? T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"{key}={text} is not a valid {typeof(T).Name.ToLowerInvariant()}")
            : null;
}
