using System.Text;
using GigaEvo.Core.MachineLearning;

namespace GigaEvo.Tests.Unit.MachineLearning;

/// <summary>Each bad dataset gets one clear error, and nothing is created.</summary>
public sealed class BadDatasetTests
{
    private static string Rows(int n, Func<int, string> row) => string.Join("\n", Enumerable.Range(0, n).Select(row));

    private static readonly string GoodHeader = "a,b,label\n";

    public static TheoryData<string, byte[], string, string, string> Cases => new()
    {
        { "empty file", [], "classification", "label", "is empty" },
        { "whitespace only", Encoding.UTF8.GetBytes("  \n\n"), "classification", "label", "is empty" },
        { "no header", Encoding.UTF8.GetBytes(Rows(30, i => $"{i},{i * 2},{i % 2}")), "classification", "label", "has no header" },
        { "non-UTF-8", [.. Encoding.UTF8.GetBytes("a,b,label\n1,2,"), 0xE9, 0x0A, .. Encoding.UTF8.GetBytes(Rows(30, i => $"{i},1,x"))], "classification", "label", "not valid UTF-8" },
        { "unequal rows", Encoding.UTF8.GetBytes(GoodHeader + Rows(30, i => i == 7 ? "1,2" : $"{i},1,{i % 2}")), "classification", "label", "row 9 has 2 fields but the header has 3" },
        { "duplicate columns", Encoding.UTF8.GetBytes("a,a,label\n" + Rows(30, i => $"{i},1,{i % 2}")), "classification", "label", "duplicate column name 'a'" },
        { "target missing", Encoding.UTF8.GetBytes(GoodHeader + Rows(30, i => $"{i},1,{i % 2}")), "classification", "species", "target column 'species' not found" },
        { "constant target", Encoding.UTF8.GetBytes(GoodHeader + Rows(30, i => $"{i},1,5")), "regression", "label", "is constant" },
        { "one class", Encoding.UTF8.GetBytes(GoodHeader + Rows(30, i => $"{i},1,cat")), "classification", "label", "one class only" },
        { "non-numeric regression target", Encoding.UTF8.GetBytes(GoodHeader + Rows(30, i => $"{i},1,{(i == 4 ? "high" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}")), "regression", "label", "is not numeric (row 6 holds 'high')" },
        { "too few rows", Encoding.UTF8.GetBytes(GoodHeader + Rows(8, i => $"{i},1,{i % 2}")), "classification", "label", "only 8 usable rows" },
        { "header only", Encoding.UTF8.GetBytes(GoodHeader), "classification", "label", "no data rows" },
        { "unclosed quote", Encoding.UTF8.GetBytes(GoodHeader + "1,\"open,0\n" + Rows(30, i => $"{i},1,{i % 2}")), "classification", "label", "never closed" },
        { "empty target cells", Encoding.UTF8.GetBytes(GoodHeader + Rows(30, i => $"{i},1,{(i == 3 ? "" : (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture))}")), "classification", "label", "is empty in 1 row(s)" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Generate_BadDataset_RefusedWithOneClearMessageAndNothingCreated(string name, byte[] content, string task, string target, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-bad-").FullName;
        var csv = Path.Combine(dir, "data.csv");
        File.WriteAllBytes(csv, content);
        var outDir = Path.Combine(dir, "problem");
        var e = Assert.Throws<DatasetException>(() => MlProblemGenerator.Generate(csv, new MlTaskOptions { Task = task, Target = target }, outDir));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {e.Message}");
        Assert.False(Directory.Exists(outDir), name);
        Assert.Equal(["data.csv"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Generate_FileOverTheSizeLimit_IsRefused()
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-big-").FullName;
        var csv = Path.Combine(dir, "big.csv");
        File.WriteAllText(csv, GoodHeader + Rows(120_000, i => $"{i},{i},{i % 2}"));
        var e = Assert.Throws<DatasetException>(() => MlProblemGenerator.Generate(csv, new MlTaskOptions { Task = "classification", Target = "label", MaxFileMb = 1 }, Path.Combine(dir, "p")));
        Assert.Contains("over the limit of 1 MiB", e.Message);
    }

    [Theory]
    [InlineData("regression", "accuracy", "does not apply to regression")]
    [InlineData("clustering", "silhouette", "clusters=K")]
    [InlineData("forecasting", "rmse", "unknown task 'forecasting'")]
    public void Generate_BadTaskOptions_Explained(string task, string metric, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-opt-").FullName;
        var csv = Path.Combine(dir, "d.csv");
        File.WriteAllText(csv, GoodHeader + Rows(40, i => $"{i},{i % 7},{i % 3}"));
        var e = Assert.Throws<DatasetException>(() => MlProblemGenerator.Generate(csv, new MlTaskOptions { Task = task, Target = "label", Metric = metric }, Path.Combine(dir, "p")));
        Assert.Contains(expected, e.Message);
    }
}
