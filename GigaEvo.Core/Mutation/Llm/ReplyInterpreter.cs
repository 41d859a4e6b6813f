using System.Text.RegularExpressions;

namespace GigaEvo.Core.Mutation.Llm;

public enum MutationMode
{
    Diff,
    Rewrite,
}

/// <summary>What a reply became: the child's code and the model's one-line summary, or why it cannot be used.</summary>
public sealed record ReplyOutcome(string? Code, string? Error, string? Summary);

/// <summary>Turns a reply into a child program (a diff applied to the parent, or a rewrite) and checks it.</summary>
public static partial class ReplyInterpreter
{
    private const int MaxSummary = 240;

    public static ReplyOutcome Interpret(string reply, string parent, MutationMode mode)
    {
        if (reply.Trim().Length == 0)
        {
            return new ReplyOutcome(null, "the reply was empty.", null);
        }
        var summary = Summary().Match(reply) is { Success: true } m ? Shorten(m.Groups[1].Value.Trim().Trim('*').Trim()) : null;
        var (code, error) = mode == MutationMode.Diff ? FromDiff(reply, parent) : CodeBlocks.SingleProgram(reply);
        if (code is null)
        {
            return new ReplyOutcome(null, error, summary);
        }
        var parentText = parent.ReplaceLineEndings("\n");
        if (ChildCheck.Problem(code, parentText) is { } problem)
        {
            return new ReplyOutcome(null, problem, summary);
        }
        // Keep the parent's final newline convention so whole-file tools see the same shape.
        code = code.TrimEnd('\n') + (parentText.EndsWith('\n') ? "\n" : "");
        return new ReplyOutcome(code, null, summary);
    }

    private static (string? Code, string? Error) FromDiff(string reply, string parent)
    {
        var (blocks, error) = SearchReplaceParser.Parse(reply);
        return error is not null ? (null, error) : DiffApplier.Apply(parent, blocks);
    }

    private static string Shorten(string text) => text.Length <= MaxSummary ? text : text[..(MaxSummary - 1)] + "…";

    [GeneratedRegex(@"^[ \t>*_#-]*summary[ \t*_]*:[ \t]*(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Summary();
}
