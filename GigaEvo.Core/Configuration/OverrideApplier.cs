namespace GigaEvo.Core.Configuration;

/// <summary>Applies overrides to a composed tree: resolves aliases, walks dotted keys and list indexes, checks types.</summary>
internal static class OverrideApplier
{
    public static void Apply(ConfigMap tree, ConfigOverride item)
    {
        var context = $" (override '{item.Display}')";
        switch (item.Key)
        {
            case "temperature":
                Set(tree, "llm.temperature", item.Value, context);
                break;
            case "model_name":
                SetModelName(tree, item.Value, context);
                break;
            default:
                Set(tree, item.Key, item.Value, context);
                break;
        }
    }

    /// <summary>
    /// <c>model_name=X</c> makes X the only model, with weight 1. Its prices are kept when a model
    /// named X was already configured (e.g. by the preset), else they are 0.
    /// </summary>
    private static void SetModelName(ConfigMap tree, ConfigNode value, string context)
    {
        if (value is not ConfigScalar { IsNull: false } name)
        {
            throw new ConfigurationException($"Invalid value for model_name{context}: expected a model name.");
        }
        var existing = (tree.Find("llm.models") as ConfigList)?.Items
            .OfType<ConfigMap>()
            .FirstOrDefault(m => m.TryGet("name", out var n) && n is ConfigScalar s && s.Text == name.Text);
        var model = (ConfigMap?)existing?.DeepClone() ?? new ConfigMap();
        model.Set("name", new ConfigScalar(name.Text, isQuoted: true));
        model.Set("weight", new ConfigScalar("1.0"));
        Set(tree, "llm.models", new ConfigList([model]), context);
    }

    public static void Set(ConfigMap tree, string path, ConfigNode value, string context)
    {
        var segments = path.Split('.');
        ConfigNode node = tree;
        SchemaNode schema = SchemaNode.Root;
        for (var i = 0; i < segments.Length; i++)
        {
            var prefix = string.Join('.', segments[..(i + 1)]);
            var isLast = i == segments.Length - 1;
            switch (schema, node)
            {
                case (SectionSchema section, ConfigMap map):
                    var property = section.Find(segments[i]) ?? throw ConfigKeys.Unknown(path, context);
                    if (isLast)
                    {
                        Assign(value, property.Schema, prefix, context, map.TryGet(segments[i], out var old) ? old : null, v => map.Set(segments[i], v));
                        return;
                    }
                    if (!map.TryGet(segments[i], out var child) || child is ConfigScalar { IsNull: true })
                    {
                        child = EmptyContainer(property.Schema);
                        map.Set(segments[i], child);
                    }
                    (node, schema) = (child, property.Schema);
                    break;
                case (ListSchema listSchema, ConfigList list):
                    var index = ListIndex(segments[i], prefix, list, context);
                    if (index == list.Count)
                    {
                        list.Add(EmptyContainer(listSchema.Item));
                    }
                    if (isLast)
                    {
                        Assign(value, listSchema.Item, prefix, context, list[index], v => list[index] = v);
                        return;
                    }
                    (node, schema) = (list[index], listSchema.Item);
                    break;
                case (ScalarSchema, _):
                    throw ConfigKeys.Unknown(path, context);
                default:
                    throw new ConfigurationException($"Cannot set {path}{context}: {string.Join('.', segments[..i])} does not hold {(schema is ListSchema ? "a list" : "a mapping")}.");
            }
        }
    }

    private static void Assign(ConfigNode value, SchemaNode schema, string path, string context, ConfigNode? old, Action<ConfigNode> set)
    {
        SettingsBinder.Bind(value, schema, path, context);
        if (value is ConfigMap overlay && old is ConfigMap existing)
        {
            existing.MergeFrom(overlay);
        }
        else
        {
            set(value.DeepClone());
        }
    }

    private static int ListIndex(string segment, string path, ConfigList list, string context)
    {
        if (!int.TryParse(segment, out var index) || index < 0)
        {
            throw new ConfigurationException(
                $"Invalid key {path}{context}: '{segment}' is not a list index; use 0..{list.Count - 1} (or {list.Count} to append).");
        }
        if (index > list.Count)
        {
            throw new ConfigurationException(
                $"Invalid key {path}{context}: index {index} is out of range; the list has {list.Count} item(s): use 0..{list.Count - 1}, or {list.Count} to append one.");
        }
        return index;
    }

    private static ConfigNode EmptyContainer(SchemaNode schema) => schema switch
    {
        SectionSchema => new ConfigMap(),
        ListSchema => new ConfigList(),
        _ => ConfigScalar.Null,
    };
}
