using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;

namespace GigaEvo.Core.Pipeline.Stages;

/// <summary>What every stage of one run shares: the problem, where to work, the runner, the context.</summary>
public sealed record EvaluationEnvironment(
    ProblemDefinition Problem,
    string WorkspaceRoot,
    string? ContextPicklePath,
    PipelineSettings Settings,
    IPythonRunner Runner)
{
    public string ProgramFolder(Guid id) => Path.Combine(WorkspaceRoot, id.ToString("N"));

    public PythonJob Job(PythonJobKind kind, Guid program, string stage, string script, double timeoutSeconds) => new()
    {
        Kind = kind,
        Workspace = Path.Combine(ProgramFolder(program), stage),
        ScriptPath = script,
        ContextPicklePath = ContextPicklePath,
        SysPath = [Problem.Directory],
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    };
}

/// <summary>Output of the syntax stage: where the code is, and what its AST says.</summary>
public sealed record CodeAnalysis(string ProgramPath, int EntrypointParameters, IReadOnlyDictionary<string, double> Complexity, IReadOnlyList<string> Imports);

/// <summary>Output of the run stage: the pickled return value of <c>entrypoint</c>.</summary>
public sealed record ProgramOutput(string PicklePath, string Summary, string ProgramPath);

public sealed record ValidationMetrics(IReadOnlyDictionary<string, double> Values);

public sealed record ComplexityMetrics(IReadOnlyDictionary<string, double> Values);

/// <summary>Final metrics: declared ones clamped to bounds (sentinels where missing), plus <c>complexity</c>.</summary>
public sealed record FinalMetrics(IReadOnlyDictionary<string, double> Values, bool IsValid, IReadOnlyList<string> Notes);

internal static class PythonStageResults
{
    public static StageRun ToFailure(PythonResult result) => new()
    {
        Status = result.Outcome == PythonOutcome.TimedOut ? Programs.StageStatus.TimedOut
            : result.Outcome == PythonOutcome.Cancelled ? Programs.StageStatus.Cancelled
            : Programs.StageStatus.Failed,
        Error = result.Error,
        Traceback = result.Traceback,
        Stdout = result.Stdout,
        Stderr = result.Stderr,
    };
}
