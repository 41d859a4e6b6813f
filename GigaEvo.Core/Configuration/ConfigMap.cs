namespace GigaEvo.Core.Configuration;

/// <summary>A YAML mapping with string keys, in the order they were written.</summary>
public sealed class ConfigMap : ConfigNode
{
    private readonly OrderedDictionary<string, ConfigNode> _entries = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, ConfigNode>> Entries => _entries;

    public IEnumerable<string> Keys => _entries.Keys;

    public int Count => _entries.Count;

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigNode? value) =>
        _entries.TryGetValue(key, out value);

    /// <summary>The node at a dotted path (<c>llm.models.0.name</c>), or null when there is none.</summary>
    public ConfigNode? Find(string dottedPath)
    {
        ConfigNode? node = this;
        foreach (var segment in dottedPath.Split('.'))
        {
            node = node switch
            {
                ConfigMap map => map.TryGet(segment, out var child) ? child : null,
                ConfigList list when int.TryParse(segment, out var i) && i >= 0 && i < list.Count => list[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    internal void Set(string key, ConfigNode value) => _entries[key] = value;

    internal bool Remove(string key) => _entries.Remove(key);

    public override ConfigNode DeepClone()
    {
        var copy = new ConfigMap();
        foreach (var (key, value) in _entries)
        {
            copy.Set(key, value.DeepClone());
        }
        return copy;
    }

    /// <summary>Merges <paramref name="overlay"/> into this map: maps merge deeply, lists and scalars replace.</summary>
    internal void MergeFrom(ConfigMap overlay)
    {
        foreach (var (key, value) in overlay._entries)
        {
            if (value is ConfigMap overlayChild && _entries.TryGetValue(key, out var existing) && existing is ConfigMap baseChild)
            {
                baseChild.MergeFrom(overlayChild);
            }
            else
            {
                _entries[key] = value.DeepClone();
            }
        }
    }
}
