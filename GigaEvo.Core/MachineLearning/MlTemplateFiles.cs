namespace GigaEvo.Core.MachineLearning;

/// <summary>The Python files every generated ML problem carries, embedded from <c>MachineLearning/Templates</c>.</summary>
public static class MlTemplateFiles
{
    private const string Prefix = "GigaEvo.MlTemplates/";

    /// <summary>Template path (e.g. <c>programs/regression_strong.py</c>) → content.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Load();

    public static string Get(string path) => All.TryGetValue(path, out var text)
        ? text
        : throw new InvalidOperationException($"ML template '{path}' is missing from the build");

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(MlTemplateFiles).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToDictionary(
            n => n[Prefix.Length..].Replace('\\', '/'),
            n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return reader.ReadToEnd();
            });
    }
}
