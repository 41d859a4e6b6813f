using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;

namespace GigaEvo.Core.Evolution;

/// <summary>Builds <c>build_context()</c> once per run (kept across resumes) and hands its pickle to every evaluation.</summary>
public static class RunContext
{
    public static async Task<string?> EnsureAsync(ProblemDefinition problem, string runDirectory, IPythonRunner runner, CancellationToken ct)
    {
        if (problem.ContextPath is null)
        {
            return null;
        }
        var pickle = Path.Combine(runDirectory, "context.pkl");
        if (File.Exists(pickle))
        {
            return pickle;
        }
        var workspace = Path.Combine(runDirectory, "workspaces", "_context");
        var result = await runner.RunAsync(new PythonJob
        {
            Kind = PythonJobKind.BuildContext,
            Workspace = workspace,
            ScriptPath = problem.ContextPath,
            OutputPicklePath = Path.Combine(workspace, "context.pkl"),
            SysPath = [problem.Directory],
            Timeout = TimeSpan.FromMinutes(5),
        }, ct);
        if (result.Outcome != PythonOutcome.Ok)
        {
            throw new InvalidOperationException($"context.py: build_context() failed: {result.Error}\n{result.Traceback}");
        }
        File.Move(Path.Combine(workspace, "context.pkl"), pickle);
        return pickle;
    }
}
