using GigaEvo.Core.Python;

namespace GigaEvo.Core.Problems;

/// <summary>The Python files of a problem directory (absolute paths; null when absent).</summary>
internal sealed record ProblemSources(
    string Directory,
    string? Validator,
    string? Helper,
    string? Context,
    IReadOnlyList<string> InitialPrograms)
{
    public IEnumerable<string> All =>
        new[] { Validator, Context, Helper }.OfType<string>().Concat(InitialPrograms);
}

/// <summary>Rules on what Python's parser reported: syntax, and the functions the platform calls.</summary>
internal static class ProblemCodeRules
{
    private const string Validate = ProblemLayout.ValidateFunction;
    private const string Entrypoint = ProblemLayout.EntrypointFunction;
    private const string BuildContext = ProblemLayout.BuildContextFunction;

    public static void Check(
        ProblemSources sources, IReadOnlyDictionary<string, CodeInspection> inspections, List<string> defects)
    {
        var hasContext = sources.Context is not null;
        if (Parsed(sources, sources.Validator, inspections, defects) is { } validator)
        {
            CheckValidator(Name(sources, validator.File), validator, hasContext, defects);
        }
        if (Parsed(sources, sources.Context, inspections, defects) is { } context)
        {
            CheckContext(Name(sources, context.File), context, defects);
        }
        Parsed(sources, sources.Helper, inspections, defects);
        foreach (var path in sources.InitialPrograms)
        {
            if (Parsed(sources, path, inspections, defects) is { } program)
            {
                CheckEntrypoint(Name(sources, path), program, hasContext, defects);
            }
        }
    }

    /// <summary>The inspection of a file that compiled; a syntax error becomes a defect and yields null.</summary>
    private static CodeInspection? Parsed(
        ProblemSources sources, string? path, IReadOnlyDictionary<string, CodeInspection> inspections, List<string> defects)
    {
        if (path is null || !inspections.TryGetValue(path, out var inspection))
        {
            return null;
        }
        if (inspection.Error is { } error)
        {
            defects.Add($"{Name(sources, path)}: {error}");
            return null;
        }
        return inspection;
    }

    private static void CheckValidator(string file, CodeInspection inspection, bool hasContext, List<string> defects)
    {
        var fn = inspection.FindFunction(Validate);
        if (fn is null)
        {
            defects.Add($"{file} does not define a top-level function 'validate(output)' or 'validate(context, output)'");
            return;
        }
        var at = $"{file} line {fn.Line}";
        if (fn.IsAsync)
        {
            defects.Add($"{at}: 'validate' is declared with 'async def'; it must be a plain 'def'");
        }
        else if (fn.RequiredKeywordOnly > 0)
        {
            defects.Add($"{at}: 'validate' has {fn.RequiredKeywordOnly} required keyword-only parameter(s); it is called with positional arguments only");
        }
        else if (fn.AcceptsArguments(hasContext ? 2 : 1))
        {
            return;
        }
        else if (hasContext && fn.AcceptsArguments(1))
        {
            defects.Add($"{at}: 'validate' takes 1 parameter (output), but the problem has {ProblemLayout.ContextFile}, "
                + "so it is called as validate(context, output); declare validate(context, output) or remove context.py");
        }
        else if (!hasContext && fn.AcceptsArguments(2))
        {
            defects.Add($"{at}: 'validate' takes 2 parameters (context, output), but the problem has no {ProblemLayout.ContextFile} "
                + "to build the context; add context.py with build_context() or declare validate(output)");
        }
        else
        {
            defects.Add($"{at}: 'validate' takes {Arity(fn)} positional parameter(s); expected validate(output) or validate(context, output)");
        }
    }

    private static void CheckContext(string file, CodeInspection inspection, List<string> defects)
    {
        var fn = inspection.FindFunction(BuildContext);
        if (fn is null)
        {
            defects.Add($"{file} does not define a top-level function 'build_context()'");
        }
        else if (fn.IsAsync)
        {
            defects.Add($"{file} line {fn.Line}: 'build_context' is declared with 'async def'; it must be a plain 'def'");
        }
        else if (!fn.AcceptsArguments(0))
        {
            defects.Add($"{file} line {fn.Line}: 'build_context' takes {Arity(fn)} parameter(s); it is called with none");
        }
    }

    private static void CheckEntrypoint(string file, CodeInspection inspection, bool hasContext, List<string> defects)
    {
        var fn = inspection.FindFunction(Entrypoint);
        if (fn is null)
        {
            defects.Add($"{file} does not define a top-level function 'entrypoint()' or 'entrypoint(context)'");
            return;
        }
        var at = $"{file} line {fn.Line}";
        if (fn.IsAsync)
        {
            defects.Add($"{at}: 'entrypoint' is declared with 'async def'; it must be a plain 'def'");
        }
        else if (!fn.AcceptsArguments(0) && !fn.AcceptsArguments(1))
        {
            defects.Add($"{at}: 'entrypoint' takes {Arity(fn)} positional parameter(s); expected entrypoint() or entrypoint(context)");
        }
        else if (!hasContext && !fn.AcceptsArguments(0))
        {
            defects.Add($"{at}: 'entrypoint' takes a context parameter, but the problem has no {ProblemLayout.ContextFile}; declare entrypoint()");
        }
    }

    private static string Arity(PythonFunction fn)
    {
        var required = fn.PositionalParameters - fn.PositionalDefaults;
        var count = required == fn.PositionalParameters ? $"{required}" : $"{required} to {fn.PositionalParameters}";
        return fn.RequiredKeywordOnly > 0 ? $"{count} (+{fn.RequiredKeywordOnly} keyword-only)" : count;
    }

    /// <summary>The path relative to the problem directory, with '/' separators (as users see it).</summary>
    internal static string Name(ProblemSources sources, string path) =>
        Path.GetRelativePath(sources.Directory, path).Replace(Path.DirectorySeparatorChar, '/');
}
