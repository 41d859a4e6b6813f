namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>
/// The whole environment an evolved program sees. Built from scratch, never copied from the host, so API
/// keys, connection strings and tokens in the host's environment cannot leak into evaluated code.
/// </summary>
internal static class SandboxEnvironment
{
    public static Dictionary<string, string> For(string workspace) => new()
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = workspace,
        ["TMPDIR"] = workspace,
        ["LANG"] = "C.UTF-8",
        ["PYTHONHASHSEED"] = "0",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONUNBUFFERED"] = "1",
        // One BLAS/OpenMP thread per evaluation: parallelism comes from running programs side by side,
        // and threaded BLAS in a process that forks can deadlock.
        ["OPENBLAS_NUM_THREADS"] = "1",
        ["OMP_NUM_THREADS"] = "1",
        ["MKL_NUM_THREADS"] = "1",
        ["MPLBACKEND"] = "Agg",
    };
}
