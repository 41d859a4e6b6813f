namespace GigaEvo.Core.Configuration;

/// <summary>
/// Finds the folders GigaEvo ships: <c>config/presets</c> and <c>problems</c>. When the
/// <c>GIGAEVO_HOME</c> environment variable is set, only that folder is searched; otherwise the
/// current directory and its parents, then the application's folder (where the build copies them).
/// </summary>
public static class GigaEvoPaths
{
    public const string HomeVariable = "GIGAEVO_HOME";
    public const string ProblemsFolder = "problems";
    public static readonly string PresetsFolder = Path.Combine("config", "presets");

    public static string? FindPresetsDirectory() => Find(PresetsFolder);

    public static string? FindProblemsDirectory() => Find(ProblemsFolder);

    public static string RequirePresetsDirectory() => Require(PresetsFolder);

    public static string RequireProblemsDirectory() => Require(ProblemsFolder);

    /// <summary>The first existing <paramref name="relative"/> folder, searched from the process's environment.</summary>
    public static string? Find(string relative) =>
        Find(relative, Environment.GetEnvironmentVariable(HomeVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static string? Find(string relative, string? home, string currentDirectory, string appDirectory) =>
        Candidates(relative, home, currentDirectory, appDirectory).FirstOrDefault(Directory.Exists);

    /// <summary>The folders searched, in order.</summary>
    public static IReadOnlyList<string> Candidates(string relative, string? home, string currentDirectory, string appDirectory)
    {
        if (!string.IsNullOrWhiteSpace(home))
        {
            return [Path.GetFullPath(Path.Combine(home, relative))];
        }
        var candidates = new List<string>();
        for (var dir = new DirectoryInfo(Path.GetFullPath(currentDirectory)); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, relative));
        }
        candidates.Add(Path.GetFullPath(Path.Combine(appDirectory, relative)));
        return candidates;
    }

    private static string Require(string relative)
    {
        var home = Environment.GetEnvironmentVariable(HomeVariable);
        var current = Directory.GetCurrentDirectory();
        var found = Find(relative, home, current, AppContext.BaseDirectory);
        if (found is not null)
        {
            return found;
        }
        var searched = string.IsNullOrWhiteSpace(home)
            ? $"{current} and its parents, then {AppContext.BaseDirectory}"
            : $"{HomeVariable}={home}";
        throw new ConfigurationException(
            $"Cannot find the '{relative}' folder (searched {searched}). Run from the GigaEvo folder or set {HomeVariable} to it.");
    }
}
