using GigaEvo.Core.Mutation.Llm;

namespace GigaEvo.Tests.Unit.Llm;

public sealed class DiffApplierTests
{
    private const string Program = "import math\n\n# EVOLVE-BLOCK-START\ndef build():\n    depth = 1\n    leaf = 30   \n    return depth, leaf\n# EVOLVE-BLOCK-END\n\n\ndef entrypoint():\n    return build()\n";

    private static (string? Code, string? Error) Apply(string program, string reply)
    {
        var (blocks, error) = SearchReplaceParser.Parse(reply);
        Assert.Null(error);
        return DiffApplier.Apply(program, blocks);
    }

    private static string Block(string search, string replace) => $"<<<<<<< SEARCH\n{search}\n=======\n{replace}\n>>>>>>> REPLACE\n";

    [Fact]
    public void Apply_ExactBlock_ReplacesTheLines()
    {
        var (code, error) = Apply(Program, Block("    depth = 1", "    depth = 4"));
        Assert.Null(error);
        Assert.Contains("    depth = 4\n", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OtherIndentationAndTrailingWhitespace_MatchesAndReindents()
    {
        var (code, error) = Apply(Program, Block("depth = 1\nleaf = 30", "depth = 5\nif depth > 3:\n    leaf = 10"));
        Assert.Null(error);
        Assert.Contains("    depth = 5\n    if depth > 3:\n        leaf = 10\n    return depth, leaf", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SeveralBlocks_AreAppliedInOrder()
    {
        var (code, error) = Apply(Program, Block("    depth = 1", "    depth = 2") + "some prose\n" + Block("    depth = 2", "    depth = 3"));
        Assert.Null(error);
        Assert.Contains("depth = 3", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SearchNotFound_NamesTheBlockTheNearestLinesAndTheFirstDifference()
    {
        var (code, error) = Apply(Program, Block("    depth = 1", "    depth = 2") + Block("    depth = 2\n    leaf = 31", "    leaf = 5"));
        Assert.Null(code);
        Assert.Contains("SEARCH/REPLACE block 2 of 2 does not apply", error, StringComparison.Ordinal);
        Assert.Contains("nearest lines of the program are 5-6", error, StringComparison.Ordinal);
        Assert.Contains("   6 |     leaf = 30", error, StringComparison.Ordinal);
        Assert.Contains("First difference: SEARCH line 2 is `leaf = 31` but program line 6 is `leaf = 30`", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AmbiguousSearch_SaysWhereItMatches()
    {
        var program = "# EVOLVE-BLOCK-START\nx = 1\ny = 2\nx = 1\n# EVOLVE-BLOCK-END\ndef entrypoint():\n    return x\n";
        var (_, error) = Apply(program, Block("x = 1", "x = 5"));
        Assert.Contains("matches 2 places (lines 2, 4)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_EditOutsideTheEvolveBlock_IsRefused()
    {
        var (_, error) = Apply(Program, Block("import math", "import os"));
        Assert.Contains("edits lines 1-1, outside the EVOLVE-BLOCK regions (lines 4-7)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SameTextInsideAndOutsideTheBlock_EditsTheOneInside()
    {
        var program = "x = 1\n# EVOLVE-BLOCK-START\nx = 1\n# EVOLVE-BLOCK-END\n";
        var (code, error) = Apply(program, Block("x = 1", "x = 2"));
        Assert.Null(error);
        Assert.Equal("x = 1\n# EVOLVE-BLOCK-START\nx = 2\n# EVOLVE-BLOCK-END\n", code);
    }

    [Fact]
    public void Apply_NoMarkers_AnyLineMayChange()
    {
        var (code, error) = Apply("import math\ndef entrypoint():\n    return 1\n", Block("    return 1", "    return math.pi"));
        Assert.Null(error);
        Assert.Contains("return math.pi", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RemovingAMarker_IsRefused()
    {
        var (_, error) = Apply(Program, Block("    return depth, leaf\n# EVOLVE-BLOCK-END", "    return depth, leaf"));
        Assert.NotNull(error);
        Assert.Contains("EVOLVE-BLOCK", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n", "block 1 is not closed")]
    [InlineData("<<<<<<< SEARCH\nx = 1\n>>>>>>> REPLACE\n", "comes before the '=======' line")]
    [InlineData("Here is my idea, but no blocks.", "holds no SEARCH/REPLACE block")]
    public void Parse_MalformedReply_SaysWhatIsWrong(string reply, string expected)
    {
        var (blocks, error) = SearchReplaceParser.Parse(reply);
        Assert.Empty(blocks);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FencedBlocksWithLongerMarkers_AreRead()
    {
        var (blocks, error) = SearchReplaceParser.Parse("```python\n<<<<<<<< SEARCH\na = 1\n========\na = 2\n>>>>>>>> REPLACE\n```");
        Assert.Null(error);
        Assert.Equal(["a = 1"], Assert.Single(blocks).Search);
    }
}
