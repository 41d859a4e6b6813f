using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GigaEvo.Core.Python;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>Builds the harness request for a job and turns what the child left in its workspace into a result.</summary>
internal static class HarnessProtocol
{
    public static JsonObject Request(PythonJob job, PythonOptions options) => new()
    {
        ["kind"] = job.Kind switch
        {
            PythonJobKind.Analyze => "analyze",
            PythonJobKind.Run => "run",
            PythonJobKind.Validate => "validate",
            PythonJobKind.BuildContext => "context",
            _ => throw new ArgumentOutOfRangeException(nameof(job)),
        },
        ["workspace"] = job.Workspace,
        ["script"] = job.ScriptPath,
        ["context"] = job.ContextPicklePath,
        ["input"] = job.InputPicklePath,
        ["output"] = job.OutputPicklePath,
        ["pass_context"] = job.PassContext,
        ["program"] = job.ProgramModulePath,
        ["function"] = job.ContextFunction,
        ["sys_path"] = new JsonArray(job.SysPath.Select(p => (JsonNode)p).ToArray()),
        ["env"] = new JsonObject(SandboxEnvironment.For(job.Workspace).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["capture_chars"] = options.OutputCaptureKb * 1024,
        ["limits"] = new JsonObject
        {
            ["memory_bytes"] = (long)options.MemoryLimitMb * 1024 * 1024,
            ["file_bytes"] = (long)options.FileSizeLimitMb * 1024 * 1024,
            // CPU backstop in case the wall-clock kill is ever late; the timeout is the real limit.
            ["cpu_seconds"] = (int)Math.Ceiling(job.Timeout.TotalSeconds) + 5,
        },
    };

    public static void PrepareWorkspace(PythonJob job)
    {
        Directory.CreateDirectory(job.Workspace);
        foreach (var stale in new[] { "result.json", "stdout.txt", "stderr.txt" })
        {
            File.Delete(Path.Combine(job.Workspace, stale));
        }
    }

    /// <summary>Reads the child's result after it ended with <paramref name="exitCode"/> or <paramref name="signal"/>.</summary>
    public static PythonResult Complete(PythonJob job, PythonOptions options, int? exitCode, int? signal, TimeSpan duration)
    {
        var stdout = ReadBounded(Path.Combine(job.Workspace, "stdout.txt"), options.OutputCaptureKb * 1024);
        var stderr = ReadBounded(Path.Combine(job.Workspace, "stderr.txt"), options.OutputCaptureKb * 1024);
        var resultPath = Path.Combine(job.Workspace, "result.json");
        if (signal is null && File.Exists(resultPath))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(resultPath));
            return FromPayload(doc.RootElement, stdout, stderr, exitCode, duration);
        }
        return new PythonResult
        {
            Outcome = PythonOutcome.Crashed,
            Error = CrashReason(exitCode, signal, stderr),
            Stdout = stdout,
            Stderr = stderr,
            ExitCode = exitCode,
            Signal = signal,
            Duration = duration,
        };
    }

    /// <summary>A result.json-shaped payload: {ok, value | error, traceback}.</summary>
    public static PythonResult FromPayload(JsonElement root, string stdout, string stderr, int? exitCode, TimeSpan duration)
    {
        var ok = root.GetProperty("ok").GetBoolean();
        return new PythonResult
        {
            Outcome = ok ? PythonOutcome.Ok : PythonOutcome.Error,
            Value = root.TryGetProperty("value", out var v) ? v.Clone() : null,
            Error = ok ? null : root.GetProperty("error").GetString(),
            Traceback = root.TryGetProperty("traceback", out var tb) ? tb.GetString() : null,
            Stdout = stdout,
            Stderr = stderr,
            ExitCode = exitCode,
            Duration = duration,
        };
    }

    public static PythonResult Stopped(PythonJob job, PythonOptions options, PythonOutcome outcome, TimeSpan duration) => new()
    {
        Outcome = outcome,
        Error = outcome == PythonOutcome.TimedOut
            ? $"timed out after {job.Timeout.TotalSeconds:0.##} s; the process group was killed"
            : "cancelled; the process group was killed",
        Stdout = ReadBounded(Path.Combine(job.Workspace, "stdout.txt"), options.OutputCaptureKb * 1024),
        Stderr = ReadBounded(Path.Combine(job.Workspace, "stderr.txt"), options.OutputCaptureKb * 1024),
        Duration = duration,
    };

    private static string CrashReason(int? exitCode, int? signal, string stderr) => signal switch
    {
        9 => "killed (SIGKILL), likely by the kernel for exceeding memory",
        11 => "crashed with a segmentation fault (SIGSEGV)",
        6 => "aborted (SIGABRT)",
        24 => "exceeded the CPU time limit (SIGXCPU)",
        25 => "exceeded the file size limit (SIGXFSZ)",
        { } s => $"killed by signal {s}",
        null when stderr.Contains("MemoryError", StringComparison.Ordinal) => "out of memory before the harness could report",
        null => $"exited with code {exitCode} without a result",
    };

    private static string ReadBounded(string path, int maxBytes)
    {
        if (!File.Exists(path))
        {
            return "";
        }
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(maxBytes, (int)Math.Min(stream.Length, int.MaxValue))];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return stream.Length > maxBytes ? text + $"\n… [{stream.Length - maxBytes} more bytes dropped]" : text;
    }
}
