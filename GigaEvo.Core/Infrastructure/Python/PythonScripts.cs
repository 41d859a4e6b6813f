using System.Security.Cryptography;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>Writes the embedded harness scripts to a content-addressed folder once per process.</summary>
internal static class PythonScripts
{
    private static readonly Lazy<string> Folder = new(Extract);

    public static string Directory => Folder.Value;

    public static string Harness => Path.Combine(Directory, "harness.py");

    public static string ForkServer => Path.Combine(Directory, "forkserver.py");

    private static string Extract()
    {
        var assembly = typeof(PythonScripts).Assembly;
        var names = new[] { "harness.py", "forkserver.py" };
        var contents = names.ToDictionary(n => n, n =>
        {
            using var stream = assembly.GetManifestResourceStream("GigaEvo.Python." + n)
                ?? throw new InvalidOperationException($"embedded script {n} is missing from the build");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(contents.Values))))[..12];
        var dir = Path.Combine(Path.GetTempPath(), "gigaevo-python-" + hash);
        System.IO.Directory.CreateDirectory(dir);
        foreach (var (name, text) in contents)
        {
            var target = Path.Combine(dir, name);
            if (!File.Exists(target) || File.ReadAllText(target) != text)
            {
                // Write-then-rename: concurrent processes may extract the same folder at once.
                var tmp = target + "." + Environment.ProcessId + ".tmp";
                File.WriteAllText(tmp, text);
                File.Move(tmp, target, overwrite: true);
            }
        }
        return dir;
    }
}
