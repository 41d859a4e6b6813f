using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using GigaEvo.Core.Python;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>
/// Decides whether a job needs the warm server: true when its script, or a module of the folders on its
/// sys.path (the problem's helper.py, validate.py…), imports one of the preloaded packages.
/// </summary>
internal sealed partial class PreloadRouting(IEnumerable<string> preload)
{
    private readonly HashSet<string> _preload = [.. preload];
    private readonly ConcurrentDictionary<(string Path, DateTime Written), bool> _files = new();

    public bool NeedsPreload(PythonJob job) =>
        _preload.Count > 0 && (Imports(job.ScriptPath) || job.SysPath.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.py")).Any(Imports));

    private bool Imports(string path) =>
        File.Exists(path) && _files.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key =>
            ImportPattern().Matches(File.ReadAllText(key.Path)).Any(m => _preload.Contains(m.Groups[1].Value)));

    [GeneratedRegex(@"^\s*(?:import|from)\s+([A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex ImportPattern();
}
