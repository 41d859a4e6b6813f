using System.Text.RegularExpressions;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>Fenced code blocks (```python … ```) of a reply.</summary>
public static partial class CodeBlocks
{
    private static readonly string[] PythonTags = ["", "python", "py", "python3"];

    /// <summary>The one program of a full-rewrite reply, or why there is not exactly one.</summary>
    public static (string? Code, string? Error) SingleProgram(string reply)
    {
        var text = reply.ReplaceLineEndings("\n");
        var blocks = Fenced().Matches(text)
            .Where(m => PythonTags.Contains(m.Groups[1].Value.ToLowerInvariant()))
            .Select(m => m.Groups[2].Value)
            .ToList();
        if (blocks.Count == 0)
        {
            return (null, Opening().Count(text) % 2 == 1
                ? "its code block is not closed with ``` (was the answer cut off by llm.max_tokens?)."
                : "it holds no fenced code block: send the whole program between ```python and ```.");
        }
        if (blocks.Count == 1)
        {
            return (blocks[0], null);
        }
        var programs = blocks.Where(b => ChildCheck.DefinesEntrypoint(b)).ToList();
        return programs.Count == 1
            ? (programs[0], null)
            : (null, $"it holds {blocks.Count} code blocks; send exactly one, with the whole program.");
    }

    [GeneratedRegex(@"^[ \t]*```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)^[ \t]*```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fenced();

    [GeneratedRegex(@"^[ \t]*```", RegexOptions.Multiline)]
    private static partial Regex Opening();
}
