namespace GigaEvo.Core.Configuration;

/// <summary>A node of a configuration tree: a <see cref="ConfigMap"/>, a <see cref="ConfigList"/> or a <see cref="ConfigScalar"/>.</summary>
public abstract class ConfigNode
{
    public abstract ConfigNode DeepClone();
}

/// <summary>
/// A scalar as written in YAML: its text and whether it was quoted. Its type is decided when it is
/// bound to a setting (so <c>0123</c> stays <c>"0123"</c> for a string key and is 123 for an int key).
/// </summary>
public sealed class ConfigScalar(string? text, bool isQuoted = false) : ConfigNode
{
    public static ConfigScalar Null { get; } = new(null);

    /// <summary>The text; null for a YAML null.</summary>
    public string? Text { get; } = text;

    public bool IsQuoted { get; } = isQuoted;

    /// <summary>True for null, <c>~</c>, <c>null</c> or an empty plain scalar.</summary>
    public bool IsNull => Text is null || (!IsQuoted && Text is "" or "~" or "null" or "Null" or "NULL");

    public override ConfigNode DeepClone() => this;

    public override string ToString() => IsNull ? "null" : Text!;
}

/// <summary>A YAML sequence.</summary>
public sealed class ConfigList : ConfigNode
{
    private readonly List<ConfigNode> _items;

    public ConfigList(IEnumerable<ConfigNode> items) => _items = [.. items];

    public ConfigList() => _items = [];

    public IReadOnlyList<ConfigNode> Items => _items;

    public int Count => _items.Count;

    public ConfigNode this[int index]
    {
        get => _items[index];
        internal set => _items[index] = value;
    }

    internal void Add(ConfigNode item) => _items.Add(item);

    public override ConfigNode DeepClone() => new ConfigList(_items.Select(i => i.DeepClone()));
}
