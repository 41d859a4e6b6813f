using System.Text.RegularExpressions;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>The cheap check a child passes before it is evaluated; a failure goes back to the model as the reason.</summary>
public static partial class ChildCheck
{
    private const int MaxLength = 200_000;

    public static bool DefinesEntrypoint(string code) => Entrypoint().IsMatch(code);

    public static string? Problem(string child, string parent)
    {
        if (child.Trim().Length == 0)
        {
            return "the resulting program is empty.";
        }
        if (child.Length > MaxLength)
        {
            return $"the resulting program has {child.Length:N0} characters; keep it under {MaxLength:N0}.";
        }
        if (!DefinesEntrypoint(child))
        {
            return "the resulting program defines no top-level `def entrypoint(...)`; the validator calls it.";
        }
        if (CodeNormalizer.Normalize(child) == CodeNormalizer.Normalize(parent))
        {
            return "the resulting program is the parent itself (ignoring whitespace and comments): change the code.";
        }
        return null;
    }

    [GeneratedRegex(@"^def[ \t]+entrypoint[ \t]*\(", RegexOptions.Multiline)]
    private static partial Regex Entrypoint();
}
