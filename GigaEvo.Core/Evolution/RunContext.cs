using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;

namespace GigaEvo.Core.Evolution;

/// <summary>Builds <c>build_context()</c> once per run (kept across resumes) and hands its pickle to every evaluation.</summary>
public static class RunContext
{
    public static Task<string?> EnsureAsync(ProblemDefinition problem, string runDirectory, IPythonRunner runner, CancellationToken ct) =>
        EnsureAsync(problem, runDirectory, runner, "build_context", "context.pkl", ct);

    /// <summary>The hold-out context, or null when the problem has none.</summary>
    public static Task<string?> EnsureHoldoutAsync(ProblemDefinition problem, string runDirectory, IPythonRunner runner, CancellationToken ct) =>
        problem.HasHoldoutContext
            ? EnsureAsync(problem, runDirectory, runner, "build_holdout_context", "context_holdout.pkl", ct)
            : Task.FromResult<string?>(null);

    private static async Task<string?> EnsureAsync(ProblemDefinition problem, string runDirectory, IPythonRunner runner,
        string function, string fileName, CancellationToken ct)
    {
        if (problem.ContextPath is null)
        {
            return null;
        }
        var pickle = Path.Combine(runDirectory, fileName);
        if (File.Exists(pickle))
        {
            return pickle;
        }
        var workspace = Path.Combine(runDirectory, "workspaces", "_" + function);
        var result = await runner.RunAsync(new PythonJob
        {
            Kind = PythonJobKind.BuildContext,
            Workspace = workspace,
            ScriptPath = problem.ContextPath,
            ContextFunction = function,
            OutputPicklePath = Path.Combine(workspace, "context.pkl"),
            SysPath = [problem.Directory],
            Timeout = TimeSpan.FromMinutes(5),
        }, ct);
        if (result.Outcome != PythonOutcome.Ok)
        {
            throw new InvalidOperationException($"context.py: {function}() failed: {result.Error}\n{result.Traceback}");
        }
        File.Move(Path.Combine(workspace, "context.pkl"), pickle);
        return pickle;
    }
}
