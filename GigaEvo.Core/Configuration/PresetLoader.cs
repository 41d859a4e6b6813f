namespace GigaEvo.Core.Configuration;

/// <summary>
/// Loads <c>defaults.yaml</c> and composes a preset over it. A preset names its parents in a
/// Hydra-style <c>defaults:</c> list; the presets reached are merged once each, parents first
/// (depth first, in list order), the preset itself last.
/// </summary>
internal static class PresetLoader
{
    public const string DefaultsName = "defaults";
    public const string Extension = ".yaml";

    public static IReadOnlyList<string> List(string presetsDir) =>
        Directory.Exists(presetsDir)
            ? [.. Directory.GetFiles(presetsDir, "*" + Extension)
                .Select(f => Path.GetFileNameWithoutExtension(f))
                .Where(n => n != DefaultsName)
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>defaults.yaml with the presets in <paramref name="preset"/>'s hierarchy merged over it.</summary>
    public static ConfigMap Compose(string presetsDir, string preset)
    {
        var defaultsPath = Path.Combine(presetsDir, DefaultsName + Extension);
        if (!File.Exists(defaultsPath))
        {
            throw new ConfigurationException(
                $"No {DefaultsName}{Extension} in the presets directory '{presetsDir}'; set {GigaEvoPaths.HomeVariable} to the folder that holds config/presets.");
        }
        var tree = Load(defaultsPath, DefaultsName + Extension);
        var order = new List<(string Name, ConfigMap Body)>();
        Linearize(presetsDir, preset, null, [], order);
        foreach (var (_, body) in order)
        {
            tree.MergeFrom(body);
        }
        return tree;
    }

    private static void Linearize(string presetsDir, string name, string? namedBy, List<string> stack, List<(string Name, ConfigMap Body)> order)
    {
        if (stack.Contains(name))
        {
            throw new ConfigurationException($"Presets include each other in a cycle: {string.Join(" -> ", stack)} -> {name}.");
        }
        if (order.Any(p => p.Name == name))
        {
            return;
        }
        var file = name + Extension;
        var path = Path.Combine(presetsDir, file);
        if (name == DefaultsName || name.IndexOfAny(['/', '\\', '.']) >= 0 || !File.Exists(path))
        {
            var where = namedBy is null ? "" : $" (named in the defaults: list of {namedBy}{Extension})";
            throw new ConfigurationException(
                $"Unknown preset '{name}'{where}. Available presets: {string.Join(", ", List(presetsDir))} (files in {presetsDir}).");
        }
        var body = Load(path, file);
        stack.Add(name);
        foreach (var parent in Parents(body, file))
        {
            Linearize(presetsDir, parent, name, stack, order);
        }
        stack.RemoveAt(stack.Count - 1);
        order.Add((name, body));
    }

    private static List<string> Parents(ConfigMap body, string file)
    {
        if (!body.TryGet("defaults", out var node))
        {
            return [];
        }
        body.Remove("defaults");
        return node switch
        {
            ConfigScalar { IsNull: true } => [],
            ConfigList list when list.Items.All(i => i is ConfigScalar { IsNull: false }) =>
                list.Items.Cast<ConfigScalar>().Select(s => s.Text!.Trim()).Where(n => n != "_self_").ToList(),
            _ => throw new ConfigurationException($"{file}: 'defaults' must be a list of preset names, e.g. defaults: [base]."),
        };
    }

    /// <summary>Reads a preset file and checks its keys and value types against the settings.</summary>
    private static ConfigMap Load(string path, string file)
    {
        var tree = YamlTreeReader.ReadDocument(File.ReadAllText(path), file);
        var checkable = (ConfigMap)tree.DeepClone();
        checkable.Remove("defaults");
        SettingsBinder.Bind(checkable, SchemaNode.Root, "", $" (in {file})");
        return tree;
    }
}
