using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>
/// <see cref="IPythonCodeInspector"/> backed by one short-lived interpreter per call, run isolated
/// (<c>-I -S</c>) with an empty environment; the script (embedded <c>inspect_code.py</c>) only compiles.
/// </summary>
public sealed class PythonCodeInspector(IOptions<PythonOptions> options) : IPythonCodeInspector
{
    private const string ScriptResource = "GigaEvo.Python.inspect_code.py";

    private static readonly Lazy<string> Script = new(LoadScript);

    /// <summary>How long the interpreter may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<CodeInspection>> InspectAsync(
        IReadOnlyList<string> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return [];
        }
        var interpreter = options.Value.Interpreter;
        var paths = files.Select(Path.GetFullPath).ToList();
        var stdout = await RunAsync(interpreter, paths, ct);
        var results = Parse(stdout, interpreter);
        if (results.Count != files.Count)
        {
            throw new InvalidOperationException(
                $"Python code inspection returned {results.Count} results for {files.Count} files.");
        }
        // Report each file under the name the caller gave.
        return [.. results.Select((r, i) => r with { File = files[i] })];
    }

    private async Task<string> RunAsync(string interpreter, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(interpreter)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add("-I");
        psi.ArgumentList.Add("-S");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Script.Value);
        foreach (var path in paths)
        {
            psi.ArgumentList.Add(path);
        }
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        psi.Environment["LANG"] = "C.UTF-8";

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            const int NoSuchFile = 2;
            throw new InvalidOperationException(
                ex.NativeErrorCode == NoSuchFile
                    ? $"Python interpreter '{interpreter}' not found; set Python:Interpreter"
                    : $"Python interpreter '{interpreter}' could not be started ({ex.Message}); set Python:Interpreter",
                ex);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            process.StandardInput.Close();
            var stdoutTask = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderrTask = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var stdout = await stdoutTask;
            var stderr = await stderrTask;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Python code inspection with '{interpreter}' failed (exit code {process.ExitCode}): {Tail(stderr)}");
            }
            return stdout;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill(process);
            throw new TimeoutException(
                $"Python code inspection with '{interpreter}' did not finish within {Timeout.TotalSeconds:0.###} s; it was killed.");
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= 2000 ? text : "…" + text[^2000..];
    }

    private static List<CodeInspection> Parse(string stdout, string interpreter)
    {
        try
        {
            using var doc = JsonDocument.Parse(stdout);
            return [.. doc.RootElement.EnumerateArray().Select(ParseFile)];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidOperationException(
                $"Python code inspection with '{interpreter}' produced unreadable output: {Tail(stdout)}", ex);
        }
    }

    private static CodeInspection ParseFile(JsonElement item)
    {
        var file = item.GetProperty("file").GetString() ?? "";
        var error = item.GetProperty("error");
        if (error.ValueKind != JsonValueKind.Null)
        {
            var parsed = new PythonCodeError(
                error.GetProperty("kind").GetString() ?? "Error",
                OptionalInt(error.GetProperty("line")),
                OptionalInt(error.GetProperty("offset")),
                error.GetProperty("message").GetString() ?? "");
            return new CodeInspection(file, parsed, []);
        }
        var functions = item.GetProperty("functions").EnumerateArray()
            .Select(f => new PythonFunction(
                f.GetProperty("name").GetString() ?? "",
                f.GetProperty("line").GetInt32(),
                f.GetProperty("positional").GetInt32(),
                f.GetProperty("defaults").GetInt32(),
                f.GetProperty("varargs").GetBoolean(),
                f.GetProperty("required_kwonly").GetInt32(),
                f.GetProperty("async").GetBoolean()))
            .ToList();
        return new CodeInspection(file, null, functions);
    }

    private static int? OptionalInt(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static string LoadScript()
    {
        using var stream = typeof(PythonCodeInspector).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Embedded resource '{ScriptResource}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
