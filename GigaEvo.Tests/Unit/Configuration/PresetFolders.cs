using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

/// <summary>The repository's real <c>config/presets</c>, and throwaway preset folders built on its defaults.yaml.</summary>
internal static class PresetFolders
{
    public static string Real { get; } = FindReal();

    public static ComposedConfig Compose(params string[] overrides) => ConfigComposer.Compose(Real, overrides);

    private static string FindReal()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "presets");
            if (File.Exists(Path.Combine(candidate, "defaults.yaml")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No config/presets above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A temporary presets folder holding the real defaults.yaml plus the given preset files.</summary>
internal sealed class TempPresets : IDisposable
{
    public TempPresets(params (string Name, string Yaml)[] presets)
    {
        Dir = Path.Combine(Path.GetTempPath(), "gigaevo-presets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        File.Copy(Path.Combine(PresetFolders.Real, "defaults.yaml"), Path.Combine(Dir, "defaults.yaml"));
        foreach (var (name, yaml) in presets)
        {
            File.WriteAllText(Path.Combine(Dir, name + ".yaml"), yaml);
        }
    }

    public string Dir { get; }

    public ComposedConfig Compose(params string[] overrides) => ConfigComposer.Compose(Dir, overrides);

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
