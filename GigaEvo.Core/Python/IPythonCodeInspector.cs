namespace GigaEvo.Core.Python;

/// <summary>
/// Static look at Python sources with the real Python parser and compiler (<c>compile</c> + <c>ast.parse</c>):
/// syntax errors and top-level function signatures. The code is never executed.
/// </summary>
public interface IPythonCodeInspector
{
    /// <summary>Inspects each file; the result has one entry per file, in the same order.</summary>
    /// <exception cref="InvalidOperationException">The interpreter is missing or failed.</exception>
    /// <exception cref="TimeoutException">The interpreter did not answer in time (it is killed).</exception>
    Task<IReadOnlyList<CodeInspection>> InspectAsync(IReadOnlyList<string> files, CancellationToken ct = default);
}

/// <summary>What Python said about one file: either <see cref="Error"/> or the top-level functions.</summary>
public sealed record CodeInspection(string File, PythonCodeError? Error, IReadOnlyList<PythonFunction> Functions)
{
    public bool IsValid => Error is null;

    /// <summary>The top-level function named <paramref name="name"/> (the last definition wins, as in Python).</summary>
    public PythonFunction? FindFunction(string name) => Functions.LastOrDefault(f => f.Name == name);
}

/// <summary>
/// Why a file could not be compiled, as Python reports it. <see cref="Kind"/> is the exception type
/// (<c>SyntaxError</c>, <c>IndentationError</c>, <c>TabError</c>, <c>ValueError</c>, <c>OSError</c>…);
/// <see cref="Line"/> and <see cref="Offset"/> are 1-based when known.
/// </summary>
public sealed record PythonCodeError(string Kind, int? Line, int? Offset, string Message)
{
    public override string ToString()
    {
        var where = (Line, Offset) switch
        {
            ({ } l, { } c) => $"line {l}, column {c}: ",
            ({ } l, null) => $"line {l}: ",
            _ => "",
        };
        return $"{where}{Kind}: {Message}";
    }
}

/// <summary>A top-level <c>def</c> (or <c>async def</c>) and the shape of its parameters.</summary>
/// <param name="PositionalParameters">Positional-only plus ordinary parameters (not <c>*args</c>).</param>
/// <param name="PositionalDefaults">How many of those have a default value.</param>
/// <param name="HasVarArgs">Declares <c>*args</c>.</param>
/// <param name="RequiredKeywordOnly">Keyword-only parameters without a default.</param>
public sealed record PythonFunction(
    string Name,
    int Line,
    int PositionalParameters,
    int PositionalDefaults,
    bool HasVarArgs,
    int RequiredKeywordOnly,
    bool IsAsync)
{
    /// <summary>True when a call with <paramref name="count"/> positional arguments binds.</summary>
    public bool AcceptsArguments(int count) =>
        RequiredKeywordOnly == 0
        && count >= PositionalParameters - PositionalDefaults
        && (count <= PositionalParameters || HasVarArgs);
}
