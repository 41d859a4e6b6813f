using System.Text.RegularExpressions;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>
/// A scripted "model" for problems/wine_classification: each answer takes the parent one step along a known
/// good path (several hyperparameters per step when one alone would not help), as SEARCH/REPLACE blocks, or
/// as a full rewrite when the prompt asks for one.
/// </summary>
internal static partial class WineFakeModel
{
    private static readonly (string Name, string Value)[][] Steps =
    [
        [("C", "1.0"), ("MAX_ITER", "300")], [("SCALE_FEATURES", "1.0")], // logistic regression: 0.64 → 0.94 → 0.99
        [("MAX_FEATURES", "1.0")], [("MIN_SAMPLES_LEAF", "2"), ("MAX_DEPTH", "4")], // decision tree: 0.53 → 0.61 → 0.85
    ];

    public static FakeLlmReply Answer(FakeLlmRequest request)
    {
        var parent = ParentCode().Match(request.LastUser).Groups[1].Value;
        var rewrite = request.System.Contains("exactly one fenced code block", StringComparison.Ordinal);
        foreach (var step in Steps)
        {
            var lines = step.Select(t => (Line: Assignment(t.Name).Match(parent), t.Value)).Where(l => l.Line.Success).ToList();
            if (lines.Count == 0 || lines.All(l => l.Line.Groups[2].Value == l.Value))
            {
                continue;
            }
            var edits = lines.Select(l => (Old: l.Line.Value, New: l.Line.Groups[1].Value + l.Value + l.Line.Groups[3].Value)).ToList();
            var summary = $"Summary: set {string.Join(", ", step.Select(t => $"{t.Name}={t.Value}"))}";
            return new FakeLlmReply(rewrite
                ? $"{summary}\n```python\n{edits.Aggregate(parent, (code, e) => code.Replace(e.Old, e.New, StringComparison.Ordinal))}\n```"
                : summary + "\n" + string.Concat(edits.Select(e => $"<<<<<<< SEARCH\n{e.Old}\n=======\n{e.New}\n>>>>>>> REPLACE\n")));
        }
        return new FakeLlmReply("Summary: nothing left to tune.");
    }

    private static Regex Assignment(string name) => new($@"^({name}\s*=\s*)([^\s#]+)(.*)$", RegexOptions.Multiline);

    [GeneratedRegex(@"# Parent program[^\n]*\n.*?```python\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ParentCode();
}
