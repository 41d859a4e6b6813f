using System.Text.Json;

namespace GigaEvo.Core.Python;

/// <summary>What the harness should do in the child: run a program, validate its output, build a context, analyse code.</summary>
public enum PythonJobKind
{
    /// <summary>Parse the code and measure it (syntax, entrypoint presence, AST complexity).</summary>
    Analyze,
    /// <summary>Import the program and call <c>entrypoint([context])</c>; pickle what it returns.</summary>
    Run,
    /// <summary>Import validate.py and call <c>validate([context,] output)</c>; return the metrics dict.</summary>
    Validate,
    /// <summary>Import context.py and pickle <c>build_context()</c>.</summary>
    BuildContext,
}

/// <summary>One isolated evaluation. Paths are absolute; files are read, and only the workspace is written.</summary>
public sealed record PythonJob
{
    public required PythonJobKind Kind { get; init; }
    /// <summary>Per-evaluation working folder; created by the runner; the only place the child may write.</summary>
    public required string Workspace { get; init; }
    /// <summary>The module to import (program, validate.py or context.py) or the file to analyse.</summary>
    public required string ScriptPath { get; init; }
    public string? ContextPicklePath { get; init; }
    /// <summary>For <see cref="PythonJobKind.Validate"/>: the program's pickled output.</summary>
    public string? InputPicklePath { get; init; }
    /// <summary>
    /// For <see cref="PythonJobKind.Validate"/>: the program file, registered as module <c>program</c> before the
    /// output is unpickled, so objects of classes or functions the program defines can be loaded.
    /// </summary>
    public string? ProgramModulePath { get; init; }
    /// <summary>For <see cref="PythonJobKind.BuildContext"/>: the function of context.py to call.</summary>
    public string ContextFunction { get; init; } = "build_context";
    /// <summary>For <see cref="PythonJobKind.Run"/> and <see cref="PythonJobKind.BuildContext"/>: where to pickle the result.</summary>
    public string? OutputPicklePath { get; init; }
    /// <summary>Folders put first on <c>sys.path</c> (the problem directory, so <c>helper.py</c> imports).</summary>
    public IReadOnlyList<string> SysPath { get; init; } = [];
    public required TimeSpan Timeout { get; init; }
    /// <summary>Pass the context to the called function (entrypoint(context) / validate(context, output)).</summary>
    public bool PassContext { get; init; }
}

public enum PythonOutcome
{
    /// <summary>The function returned and the harness reported success.</summary>
    Ok,
    /// <summary>The function raised; <see cref="PythonResult.Error"/> and the traceback say what.</summary>
    Error,
    TimedOut,
    /// <summary>The process died (signal, sys.exit, out of memory at the C level…); the reason says how.</summary>
    Crashed,
    Cancelled,
}

public sealed record PythonResult
{
    public required PythonOutcome Outcome { get; init; }
    /// <summary>One-line, human-readable reason when not <see cref="PythonOutcome.Ok"/>.</summary>
    public string? Error { get; init; }
    public string? Traceback { get; init; }
    /// <summary>The harness's JSON value (metrics for Validate, analysis for Analyze, a repr summary for Run).</summary>
    public JsonElement? Value { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public int? ExitCode { get; init; }
    public int? Signal { get; init; }
    public TimeSpan Duration { get; init; }
}

/// <summary>
/// Runs Python out of process with a per-evaluation workspace, time and memory limits, bounded output,
/// the process group killed at the end, and an environment without the host's secrets.
/// </summary>
public interface IPythonRunner : IAsyncDisposable
{
    Task<PythonResult> RunAsync(PythonJob job, CancellationToken ct = default);
}
