using System.Text.Json;

namespace GigaEvo.Tests.Integration.Cli;

public sealed class EvolveCommandTests
{
    private static string TempDir() => Directory.CreateTempSubdirectory("gigaevo-cli-").FullName;

    private static string SingleRunDir(string cwd) =>
        Assert.Single(Directory.GetDirectories(Path.Combine(cwd, "outputs"), "*", SearchOption.AllDirectories),
            d => File.Exists(Path.Combine(d, "config.yaml")));

    [Fact]
    public async Task Evolve_Heilbron_WritesEveryOutputUnderTheCurrentDirectory()
    {
        var cwd = TempDir();
        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, "evolve", "problem.name=heilbron", "max_generations=3", "programs_per_generation=4");
        Assert.True(code == 0, stdout + stderr);
        var run = SingleRunDir(cwd);
        Assert.Matches(@"outputs/\d{4}-\d{2}-\d{2}/\d{2}-\d{2}-\d{2}$", run);
        foreach (var file in new[] { "config.yaml", "run.log", "best_program.py", "programs.csv", "summary.json" })
        {
            Assert.True(File.Exists(Path.Combine(run, file)), file);
        }
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(3, root.GetProperty("generations").GetInt32());
        Assert.Equal(2 + 3 * 4, root.GetProperty("programs_total").GetInt32());
        Assert.True(root.GetProperty("programs_valid").GetInt32() > 0);
        var bestId = root.GetProperty("best_program_id").GetString()!;
        var csv = File.ReadAllLines(Path.Combine(run, "programs.csv"));
        Assert.Equal(1 + 14, csv.Length);
        Assert.StartsWith("id,generation,state,island,parents,mutation_kind", csv[0]);
        Assert.Contains(csv, l => l.StartsWith(bestId, StringComparison.Ordinal));
        Assert.Contains(csv, l => l.Contains(",local_numeric,", StringComparison.Ordinal));
        var log = File.ReadAllText(Path.Combine(run, "run.log"));
        Assert.Contains("gen 3/3 | best fitness", log);
        Assert.Contains("programs/s", log);
        Assert.Contains("using the local operator", log);
        Assert.Contains("max_generations: 3", File.ReadAllText(Path.Combine(run, "config.yaml")));
    }

    [Theory]
    [InlineData("max_generatons=5", "Did you mean max_generations")]
    [InlineData("max_generations=abc", "max_generations")]
    [InlineData("experiment=nope", "multi_island_complexity")]
    [InlineData("problem.name=no_such_problem", "problem not found: no_such_problem")]
    public async Task Evolve_BadConfiguration_ExitsNonZeroWithAClearMessage(string bad, string expected)
    {
        var cwd = TempDir();
        var args = bad.StartsWith("problem.name", StringComparison.Ordinal) ? new[] { "evolve", bad } : ["evolve", "problem.name=heilbron", bad];
        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr + stdout);
    }

    [Fact]
    public async Task Evolve_MalformedProblemDirectory_ListsEachDefect()
    {
        var cwd = TempDir();
        var problem = Directory.CreateDirectory(Path.Combine(cwd, "broken")).FullName;
        File.WriteAllText(Path.Combine(problem, "metrics.yaml"), "specs:\n  fitness:\n    is_primary: true\n");
        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, "evolve", $"problem.dir={problem}");
        Assert.Equal(2, code);
        Assert.Contains("task_description.txt", stderr);
        Assert.Contains("validate.py", stderr);
        Assert.Contains("initial_programs", stderr);
        Assert.False(Directory.Exists(Path.Combine(cwd, "outputs")) && Directory.GetFiles(Path.Combine(cwd, "outputs"), "summary.json", SearchOption.AllDirectories).Length > 0, stdout);
    }
}
