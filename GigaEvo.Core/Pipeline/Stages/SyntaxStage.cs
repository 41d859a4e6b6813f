using System.Text.Json;
using GigaEvo.Core.Python;

namespace GigaEvo.Core.Pipeline.Stages;

/// <summary>Parses the program with Python's own parser, checks <c>entrypoint</c> and forbidden imports.</summary>
public sealed class SyntaxStage(EvaluationEnvironment env)
    : Stage<CodeAnalysis>("syntax", TimeSpan.FromSeconds(env.Settings.AnalyzeTimeoutSeconds + 5))
{
    public override async Task<StageRun> RunAsync(StageContext context, CancellationToken ct)
    {
        var folder = env.ProgramFolder(context.Program.Id);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "program.py");
        await File.WriteAllTextAsync(path, context.Program.Code, ct);
        var result = await env.Runner.RunAsync(env.Job(PythonJobKind.Analyze, context.Program.Id, Name, path, env.Settings.AnalyzeTimeoutSeconds), ct);
        if (result.Outcome != PythonOutcome.Ok)
        {
            return PythonStageResults.ToFailure(result);
        }
        var value = result.Value!.Value;
        if (value.TryGetProperty("syntax_error", out var syntax))
        {
            return StageRun.Failure($"syntax error at line {syntax.GetProperty("line")}: {syntax.GetProperty("message").GetString()}");
        }
        var functions = value.GetProperty("functions");
        if (!functions.TryGetProperty("entrypoint", out var parameters))
        {
            return StageRun.Failure("the program defines no top-level function 'entrypoint'");
        }
        var expected = env.Problem.ContextPath is null ? 0 : 1;
        if (parameters.GetInt32() > 1)
        {
            return StageRun.Failure($"entrypoint takes {parameters.GetInt32()} parameters; it must take {(expected == 0 ? "none" : "one (context)")}");
        }
        var imports = value.GetProperty("imports").EnumerateArray().Select(i => i.GetString()!).ToList();
        var forbidden = imports.Intersect(env.Settings.ForbiddenImports).ToList();
        if (forbidden.Count > 0)
        {
            return StageRun.Failure($"forbidden import(s): {string.Join(", ", forbidden)}");
        }
        var complexity = value.GetProperty("complexity").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        return StageRun.Success(new CodeAnalysis(path, parameters.GetInt32(), complexity, imports),
            $"{complexity["ast_nodes"]} AST nodes, {complexity["lines"]} lines");
    }
}
