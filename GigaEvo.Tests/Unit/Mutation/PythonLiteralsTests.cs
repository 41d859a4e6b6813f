using GigaEvo.Core.Mutation;

namespace GigaEvo.Tests.Unit.Mutation;

public sealed class PythonLiteralsTests
{
    [Fact]
    public void Find_SkipsStringsCommentsIdentifiersAndSpecialForms()
    {
        const string code = "x1 = 2\ns = 'a 3 b'\nt = \"\"\"4\n5\"\"\"\n# 6\ny = 0x1F + 1_000 + 2j + r'7' + 8.5e-3 + .25\nz = obj.attr3[9]\n";
        var texts = PythonLiterals.Find(code).Select(l => l.Text).ToList();
        Assert.Equal(["2", "8.5e-3", ".25", "9"], texts);
    }

    [Fact]
    public void Find_WithEvolveBlock_OnlyReturnsLiteralsInsideIt()
    {
        const string code = "A = 1\n# EVOLVE-BLOCK-START\nB = 2.5\n# EVOLVE-BLOCK-END\nC = 3\n";
        var literals = PythonLiterals.Find(code);
        Assert.Equal("2.5", Assert.Single(literals).Text);
        Assert.True(literals[0].IsFloat);
    }

    [Fact]
    public void Find_WithoutEvolveBlock_ReturnsLiteralsAnywhere()
    {
        Assert.Equal(3, PythonLiterals.Find("a = 1\nb = 2.0\nc = [3]\n").Count);
    }
}
