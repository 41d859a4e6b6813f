namespace GigaEvo.Core.Python;

/// <summary>Configuration section <c>Python</c>: how evolved programs are executed.</summary>
public sealed class PythonOptions
{
    public const string Section = "Python";

    /// <summary>
    /// Interpreter for evolved programs. Debian's python3 carries numpy/scipy/pandas/sklearn from apt; the
    /// first python3 on PATH may be another build without them, so the default is an absolute path.
    /// </summary>
    public string Interpreter { get; set; } = "/usr/bin/python3";

    /// <summary><c>forkserver</c> (a warm interpreter forks one child per evaluation) or <c>process</c> (a fresh interpreter each time).</summary>
    public string Mode { get; set; } = "forkserver";

    /// <summary>Modules the fork server imports once so children start warm.</summary>
    public IList<string> Preload { get; set; } = ["numpy", "scipy", "pandas", "sklearn"];

    /// <summary>Address-space limit per evaluation, in MiB.</summary>
    public int MemoryLimitMb { get; set; } = 4096;

    /// <summary>Largest file an evaluation may write (stdout/stderr files included), in MiB.</summary>
    public int FileSizeLimitMb { get; set; } = 64;

    /// <summary>How much of stdout/stderr is kept per stage, in KiB; the rest is counted and dropped.</summary>
    public int OutputCaptureKb { get; set; } = 64;

    /// <summary>Where per-program workspaces live; default: a folder under the system temp directory.</summary>
    public string? WorkspaceRoot { get; set; }
}
