namespace GigaEvo.Core.Configuration;

/// <summary>
/// Composes a run's configuration like the Python GigaEvo's Hydra setup: <c>defaults.yaml</c>, then
/// the preset hierarchy chosen by <c>experiment=NAME</c> (default <c>base</c>), then the other
/// <c>key=value</c> overrides in order. The result is bound to <see cref="EvolutionSettings"/> and
/// range-checked; any problem is a <see cref="ConfigurationException"/> naming the key.
/// </summary>
public static class ConfigComposer
{
    public const string DefaultPreset = "base";

    /// <summary>Composes from the presets folder found by <see cref="GigaEvoPaths.RequirePresetsDirectory"/>.</summary>
    public static ComposedConfig Compose(IReadOnlyList<string> overrides) =>
        Compose(GigaEvoPaths.RequirePresetsDirectory(), overrides);

    public static ComposedConfig Compose(string presetsDir, IReadOnlyList<string> overrides)
    {
        var parsed = overrides.Select(ConfigOverride.Parse).ToList();
        var selector = parsed.LastOrDefault(o => o.Key == ConfigOverride.ExperimentKey);
        var preset = selector is null ? DefaultPreset : PresetName(selector);
        var tree = PresetLoader.Compose(presetsDir, preset);
        tree.Set(ConfigOverride.ExperimentKey, new ConfigScalar(preset, isQuoted: true));
        foreach (var item in parsed.Where(o => o.Key != ConfigOverride.ExperimentKey))
        {
            OverrideApplier.Apply(tree, item);
        }
        return Finish(preset, parsed, tree, "");
    }

    /// <summary>The presets <c>experiment=</c> accepts (the .yaml files of the folder but defaults.yaml).</summary>
    public static IReadOnlyList<string> ListPresets(string presetsDir) => PresetLoader.List(presetsDir);

    /// <summary>
    /// Reads a run's written <c>config.yaml</c> back (to resume it), then applies <paramref name="overrides"/>
    /// (e.g. <c>llm.api_key=...</c>, <c>max_generations=100</c>). The redacted API key reads back as null.
    /// <c>experiment=</c> is refused: a resumed run keeps its preset.
    /// </summary>
    public static ComposedConfig LoadResolved(string yaml, IReadOnlyList<string>? overrides = null, string source = "config.yaml")
    {
        var tree = YamlTreeReader.ReadDocument(yaml, source);
        foreach (var holder in ResolvedConfigWriter.KeyHolders(tree))
        {
            if (holder.TryGet("api_key", out var key) && key is ConfigScalar { Text: ResolvedConfigWriter.Redacted })
            {
                holder.Set("api_key", ConfigScalar.Null);
            }
        }
        var bound = SettingsBinder.Bind(tree, $" (in {source})");
        var parsed = (overrides ?? []).Select(ConfigOverride.Parse).ToList();
        if (parsed.Any(o => o.Key == ConfigOverride.ExperimentKey))
        {
            throw new ConfigurationException(
                $"experiment= cannot be given when resuming from {source}: the run keeps its preset '{bound.Experiment}'.");
        }
        tree = SettingsBinder.ToTree(bound);
        foreach (var item in parsed)
        {
            OverrideApplier.Apply(tree, item);
        }
        return Finish(bound.Experiment, parsed, tree, $" (in {source})");
    }

    public static ComposedConfig LoadResolvedFile(string path, IReadOnlyList<string>? overrides = null)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"No configuration file at '{path}'.");
        }
        return LoadResolved(File.ReadAllText(path), overrides, path);
    }

    /// <summary>The resolved form of settings built in code (e.g. by the web UI), ready to be written.</summary>
    public static ComposedConfig FromSettings(EvolutionSettings settings, IReadOnlyList<string>? overrides = null)
    {
        SettingsValidator.ThrowIfInvalid(settings);
        var parsed = (overrides ?? []).Select(ConfigOverride.Parse).ToList();
        return new ComposedConfig(settings.Experiment, parsed, SettingsBinder.ToTree(settings), settings);
    }

    private static string PresetName(ConfigOverride selector)
    {
        if (selector.Value is not ConfigScalar { IsNull: false } scalar || scalar.Text!.Length == 0)
        {
            throw new ConfigurationException("Invalid value for experiment: expected a preset name, e.g. experiment=multi_island_complexity.");
        }
        var name = scalar.Text.Trim();
        return name.EndsWith(PresetLoader.Extension, StringComparison.Ordinal) ? name[..^PresetLoader.Extension.Length] : name;
    }

    private static ComposedConfig Finish(string preset, IReadOnlyList<ConfigOverride> overrides, ConfigMap tree, string context)
    {
        var settings = SettingsBinder.Bind(tree, context);
        SettingsValidator.ThrowIfInvalid(settings);
        return new ComposedConfig(preset, overrides, SettingsBinder.ToTree(settings), settings);
    }
}
