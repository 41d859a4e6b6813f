namespace GigaEvo.Core.Configuration;

/// <summary>
/// A resolved run configuration: the preset it came from, the overrides applied, the complete
/// resolved tree (every key, as <see cref="ToYaml"/> writes it) and the typed settings.
/// </summary>
public sealed record ComposedConfig(
    string Preset,
    IReadOnlyList<ConfigOverride> Overrides,
    ConfigMap Tree,
    EvolutionSettings Settings)
{
    /// <summary>The text of a run's <c>config.yaml</c>: a header naming the preset and overrides, then the tree, secrets redacted.</summary>
    public string ToYaml() => ResolvedConfigWriter.Write(this);

    /// <summary>Writes <see cref="ToYaml"/> to <paramref name="path"/> (UTF-8, creating the folder).</summary>
    public void WriteTo(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(path, ToYaml());
    }
}
