using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Core.Programs;

namespace GigaEvo.Tests.Unit.Llm;

public sealed class ReplyInterpreterTests
{
    private const string Parent = "def entrypoint():\n    return 1\n";

    [Fact]
    public void Interpret_RewriteWithSummary_GivesTheCodeAndTheSummary()
    {
        var outcome = ReplyInterpreter.Interpret("**Summary:** return two\n```python\ndef entrypoint():\n    return 2\n```", Parent, MutationMode.Rewrite);
        Assert.Equal(("def entrypoint():\n    return 2\n", "return two"), (outcome.Code, outcome.Summary));
    }

    [Fact]
    public void Interpret_SeveralBlocksOneProgram_TakesTheProgram()
    {
        var outcome = ReplyInterpreter.Interpret("```bash\npip install x\n```\n```\nhelper = 1\n```\n```py\ndef entrypoint():\n    return 3\n```", Parent, MutationMode.Rewrite);
        Assert.Equal("def entrypoint():\n    return 3\n", outcome.Code);
    }

    [Theory]
    [InlineData("", "the reply was empty")]
    [InlineData("   \n", "the reply was empty")]
    [InlineData("def entrypoint():\n    return 2\n", "no fenced code block")]
    [InlineData("```python\ndef entrypoint():\n    return 2\n", "not closed")]
    [InlineData("```python\ndef entrypoint():\n    return 1  # same\n```", "is the parent itself")]
    [InlineData("```python\ndef main():\n    return 2\n```", "no top-level `def entrypoint(...)`")]
    public void Interpret_UnusableRewrite_GivesTheReason(string reply, string reason)
    {
        var outcome = ReplyInterpreter.Interpret(reply, Parent, MutationMode.Rewrite);
        Assert.Null(outcome.Code);
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhitespaceAndComments_AreIgnoredButIndentationAndStringsAreNot()
    {
        var a = "x=1  # one\n\n\ndef f( a ,b ):\n    return a+b\n";
        var b = "x = 1\ndef f(a, b):   \n    # add\n    return a + b";
        Assert.Equal(CodeNormalizer.Normalize(a), CodeNormalizer.Normalize(b));
        Assert.NotEqual(CodeNormalizer.Normalize("if x:\n    y()\n    z()\n"), CodeNormalizer.Normalize("if x:\n    y()\nz()\n"));
        Assert.NotEqual(CodeNormalizer.Normalize("s = 'a  b'\n"), CodeNormalizer.Normalize("s = 'a b'\n"));
        Assert.Equal(CodeNormalizer.Normalize("s = '# not a comment'\n"), CodeNormalizer.Normalize("s = '# not a comment'  # a comment\n"));
    }
}
