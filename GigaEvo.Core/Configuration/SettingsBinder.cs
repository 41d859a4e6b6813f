using System.Collections;

namespace GigaEvo.Core.Configuration;

/// <summary>
/// Binds a configuration tree to the settings records (keys missing from a map keep the record's
/// default) and turns settings back into a complete tree. Unknown keys and values of the wrong type
/// are refused with the dotted key in the message.
/// </summary>
internal static class SettingsBinder
{
    public static EvolutionSettings Bind(ConfigMap tree, string context) =>
        (EvolutionSettings)Bind(tree, SchemaNode.Root, "", context)!;

    /// <summary>Binds <paramref name="node"/> at dotted <paramref name="path"/>; <paramref name="context"/> says where it came from.</summary>
    public static object? Bind(ConfigNode node, SchemaNode schema, string path, string context)
    {
        switch (schema)
        {
            case ScalarSchema scalarSchema:
                if (node is ConfigScalar scalar && ScalarParser.TryParse(scalar, scalarSchema, out var value))
                {
                    return value;
                }
                throw WrongType(path, node, scalarSchema.TypeName, context);
            case ListSchema listSchema:
                if (node is not ConfigList list)
                {
                    throw WrongType(path, node, "a list", context);
                }
                var items = Array.CreateInstance(listSchema.ItemType, list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    items.SetValue(Bind(list[i], listSchema.Item, $"{path}.{i}", context), i);
                }
                return items;
            case SectionSchema section:
                return BindSection(node, section, path, context);
            default:
                throw new InvalidOperationException($"Unknown schema {schema.GetType().Name}.");
        }
    }

    private static object BindSection(ConfigNode node, SectionSchema section, string path, string context)
    {
        if (node is not ConfigMap map)
        {
            throw WrongType(path, node, "a mapping of keys to values", context);
        }
        var instance = Activator.CreateInstance(section.Type)!;
        foreach (var (key, child) in map.Entries)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            var property = section.Find(key) ?? throw ConfigKeys.Unknown(childPath, context);
            property.Property.SetValue(instance, Bind(child, property.Schema, childPath, context));
        }
        return instance;
    }

    /// <summary>The complete tree of <paramref name="settings"/>: every key, in declaration order.</summary>
    public static ConfigMap ToTree(EvolutionSettings settings) => (ConfigMap)ToNode(settings, SchemaNode.Root);

    private static ConfigNode ToNode(object? value, SchemaNode schema)
    {
        switch (schema)
        {
            case SectionSchema section when value is not null:
                var map = new ConfigMap();
                foreach (var property in section.Properties)
                {
                    map.Set(property.Key, ToNode(property.Property.GetValue(value), property.Schema));
                }
                return map;
            case ListSchema list when value is IEnumerable items:
                return new ConfigList(items.Cast<object?>().Select(item => ToNode(item, list.Item)));
            default:
                return ScalarParser.Format(value);
        }
    }

    private static ConfigurationException WrongType(string path, ConfigNode node, string expected, string context)
    {
        var shown = node switch
        {
            ConfigScalar scalar => $"'{scalar}'",
            ConfigList => "a list",
            _ => "a mapping",
        };
        var key = path.Length == 0 ? "the configuration" : path;
        return new ConfigurationException($"Invalid value for {key}{context}: {shown} is not valid; expected {expected}.");
    }
}
