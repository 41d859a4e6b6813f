using GigaEvo.Core.Mutation.Llm.Insights;

namespace GigaEvo.Tests.Unit.Llm;

public sealed class InsightsParserTests
{
    [Fact]
    public void Parse_FencedJsonList_ReadsEveryItemAndNormalisesSeverity()
    {
        var (items, error) = InsightsParser.Parse("Here you go:\n```json\n[{\"kind\": \"Bug\", \"severity\": \"HIGH\", \"text\": \"X is a string\"},\n {\"kind\": \"idea\", \"severity\": \"urgent\", \"text\": \"use math.pi\"}]\n```");
        Assert.Null(error);
        Assert.Equal([new("bug", "high", "X is a string"), new("idea", "medium", "use math.pi")], items!);
    }

    [Fact]
    public void Parse_ObjectWrappingTheList_IsAccepted()
    {
        var (items, _) = InsightsParser.Parse("{\"insights\": [{\"text\": \"fine\"}]}");
        Assert.Equal("note", Assert.Single(items!).Kind);
    }

    [Theory]
    [InlineData("The program looks fine to me.", "no JSON list")]
    [InlineData("[{\"kind\": \"bug\", \"text\": \"unterminated]", "not valid JSON")]
    [InlineData("{\"verdict\": \"ok\"}", "not a list")]
    [InlineData("[{\"kind\": \"bug\"}]", "item 1 is not an object with a non-empty \"text\"")]
    public void Parse_InvalidReply_SaysWhy(string reply, string reason)
    {
        var (items, error) = InsightsParser.Parse(reply);
        Assert.Null(items);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
