using System.Text.Json;

namespace GigaEvo.Tests.Integration.Cli;

/// <summary>The local operator must make real progress on the example problems within 20 generations.</summary>
public sealed class LocalOperatorProgressTests
{
    [Theory]
    [InlineData("heilbron", "base")]
    [InlineData("wine_classification", "base")]
    [InlineData("circle_packing", "multi_island_complexity")]
    public async Task Evolve_TwentyGenerations_BeatsTheBestInitialProgram(string problem, string preset)
    {
        var cwd = Directory.CreateTempSubdirectory("gigaevo-progress-").FullName;
        var run = Path.Combine(cwd, "run");
        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, "evolve", $"problem.name={problem}", $"experiment={preset}",
            "max_generations=20", "seed=42", $"output.run_dir={run}");
        Assert.True(code == 0, stdout + stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var root = summary.RootElement;
        var best = root.GetProperty("best_fitness").GetDouble();
        var initial = root.GetProperty("best_initial_fitness").GetDouble();
        Assert.True(best > initial, $"{problem}: best {best} did not beat the initial {initial}");
        Assert.True(root.GetProperty("improved").GetBoolean());
        Assert.Equal(20, root.GetProperty("generations").GetInt32());
    }
}
