using System.Text.RegularExpressions;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>One SEARCH/REPLACE block of a reply, numbered from 1 in reply order.</summary>
public sealed record SearchReplaceBlock(int Number, IReadOnlyList<string> Search, IReadOnlyList<string> Replace);

/// <summary>
/// Reads the blocks of a reply:
/// <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH</c> … <c>=======</c> … <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE</c>
/// (markers of five or more characters, anywhere in the reply, fenced or not).
/// </summary>
public static partial class SearchReplaceParser
{
    /// <summary>The blocks, or the reason the reply does not hold a well-formed set of them.</summary>
    public static (IReadOnlyList<SearchReplaceBlock> Blocks, string? Error) Parse(string reply)
    {
        var blocks = new List<SearchReplaceBlock>();
        List<string>? search = null;
        List<string>? replace = null;
        foreach (var line in reply.ReplaceLineEndings("\n").Split('\n'))
        {
            var number = blocks.Count + 1;
            if (Start().IsMatch(line))
            {
                if (search is not null)
                {
                    return ([], replace is null
                        ? $"block {number}: a new '<<<<<<< SEARCH' starts before the '=======' line that ends its SEARCH part."
                        : $"block {number} is not closed: '>>>>>>> REPLACE' is missing before the next '<<<<<<< SEARCH'.");
                }
                search = [];
            }
            else if (search is not null && replace is null && Divider().IsMatch(line))
            {
                replace = [];
            }
            else if (search is not null && End().IsMatch(line))
            {
                if (replace is null)
                {
                    return ([], $"block {number}: '>>>>>>> REPLACE' comes before the '=======' line that separates SEARCH from REPLACE.");
                }
                blocks.Add(new SearchReplaceBlock(number, search, replace));
                (search, replace) = (null, null);
            }
            else
            {
                (replace ?? search)?.Add(line);
            }
        }
        if (search is not null)
        {
            return ([], $"block {blocks.Count + 1} is not closed: the reply ends before its '{(replace is null ? "=======" : ">>>>>>> REPLACE")}' line (was it cut off by llm.max_tokens?).");
        }
        if (blocks.Count == 0)
        {
            return ([], "it holds no SEARCH/REPLACE block ('<<<<<<< SEARCH', the lines to find, '=======', the new lines, '>>>>>>> REPLACE').");
        }
        return (blocks, null);
    }

    [GeneratedRegex(@"^\s*<{5,}\s*SEARCH\s*$")]
    private static partial Regex Start();

    [GeneratedRegex(@"^\s*={5,}\s*$")]
    private static partial Regex Divider();

    [GeneratedRegex(@"^\s*>{5,}\s*REPLACE\s*$")]
    private static partial Regex End();
}
