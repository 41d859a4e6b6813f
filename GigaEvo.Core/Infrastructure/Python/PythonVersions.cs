using System.Diagnostics;
using System.Text.Json;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>Versions of the interpreter and its scientific packages (for metadata and health reports).</summary>
public static class PythonVersions
{
    private const string Script = """
        import json, sys
        out = {"python": sys.version.split()[0]}
        for name in ("numpy", "scipy", "pandas", "sklearn", "joblib"):
            try:
                out[name] = __import__(name).__version__
            except Exception as exc:
                out[name] = "missing: " + type(exc).__name__
        print(json.dumps(out))
        """;

    public static async Task<IReadOnlyDictionary<string, string>> GetAsync(string interpreter, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Script);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {interpreter}");
        var stdout = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(stdout)!
            : throw new InvalidOperationException($"{interpreter} failed to report versions: {await process.StandardError.ReadToEndAsync(ct)}");
    }
}
