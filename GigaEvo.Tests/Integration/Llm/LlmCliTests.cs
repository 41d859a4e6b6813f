using System.Text.Json;
using GigaEvo.Tests.Integration.Cli;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>The real CLI binary with the LLM agent against the fake server: an ML run that improves, and secrets that never leak.</summary>
public sealed class LlmCliTests
{
    private const string EnvKey = "sk-env-secret-9f8e7d";
    private const string ArgKey = "sk-arg-secret-1a2b3c";

    [Fact]
    public async Task Evolve_WineClassificationWithTwoModels_EndsBetterThanItStartedAndCountsTokens()
    {
        await using var server = await FakeLlmServer.StartAsync(WineFakeModel.Answer);
        var cwd = Directory.CreateTempSubdirectory("gigaevo-llm-cli-").FullName;
        var run = Path.Combine(cwd, "run");

        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, new Dictionary<string, string> { ["GIGAEVO_LLM_API_KEY"] = EnvKey },
            "evolve", "problem.name=wine_classification", "experiment=multi_llm_exploration", $"llm.base_url={server.BaseUrl}",
            "llm.retry_delay_seconds=0.05", "max_generations=4", "programs_per_generation=4", "seed=42", $"output.run_dir={run}");

        Assert.True(code == 0, stdout + stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("improved").GetBoolean(), root.ToString());
        Assert.True(root.GetProperty("best_fitness").GetDouble() > root.GetProperty("best_initial_fitness").GetDouble());
        var llm = root.GetProperty("llm");
        Assert.True(llm.GetProperty("total_tokens").GetInt64() > 0);
        Assert.True(llm.GetProperty("cost").GetDouble() > 0);
        Assert.Equal(["gpt-4o", "gpt-4o-mini"], llm.GetProperty("models").EnumerateObject().Select(m => m.Name));
        var log = File.ReadAllText(Path.Combine(run, "run.log"));
        Assert.Contains("Mutation operator: LLM agent: models gpt-4o-mini (weight 0.7, http://127.0.0.1:", log, StringComparison.Ordinal);
        Assert.Matches(@"gen 4/4 \| best fitness [0-9.]+ .*\| tokens [0-9,]+ \| cost \$[0-9.]+", log);
        var csv = File.ReadAllText(Path.Combine(run, "programs.csv"));
        Assert.Contains(",llm_diff,", csv, StringComparison.Ordinal);
        Assert.Contains(",llm_rewrite,", csv, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + EnvKey, r.Authorization));
        AssertNowhere(EnvKey, run, stdout + stderr);
    }

    [Fact]
    public async Task Evolve_ApiKeysInConfigAndEnvironment_AppearInNoLogOutputConfigCsvOrProgramEnvironment()
    {
        await using var server = await FakeLlmServer.StartAsync(r => new FakeLlmReply(r.Index % 2 == 0
            ? AgentHarness.Diff("SCALE = 1.0", "SCALE = 2.0")
            : AgentHarness.Diff("SCALE = 1.0", "SCALE = 3.0")));
        var cwd = Directory.CreateTempSubdirectory("gigaevo-llm-secrets-").FullName;
        var run = Path.Combine(cwd, "run");

        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, new Dictionary<string, string> { ["GIGAEVO_LLM_API_KEY"] = EnvKey },
            "evolve", $"problem.dir={EnvDumpProblem(cwd)}", $"llm.base_url={server.BaseUrl}", $"llm.api_key={ArgKey}",
            "mutation.diff_ratio=1", "max_generations=1", "programs_per_generation=2", $"output.run_dir={run}");

        Assert.True(code == 0, stdout + stderr);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + ArgKey, r.Authorization)); // llm.api_key wins over the variable
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        // Every program saw its whole environment and found no key in it (fitness 1; 0 means a key leaked).
        Assert.Equal(3, summary.RootElement.GetProperty("programs_valid").GetInt32());
        Assert.Equal(1.0, summary.RootElement.GetProperty("best_fitness").GetDouble());
        Assert.Contains("api_key: '***'", File.ReadAllText(Path.Combine(run, "config.yaml")), StringComparison.Ordinal);
        foreach (var key in new[] { EnvKey, ArgKey })
        {
            AssertNowhere(key, run, stdout + stderr);
        }
    }

    /// <summary>A problem whose program returns its whole environment and whose validator scores 0 if any key is in it.</summary>
    private static string EnvDumpProblem(string root)
    {
        var dir = Path.Combine(root, "envdump");
        Directory.CreateDirectory(Path.Combine(dir, "initial_programs"));
        File.WriteAllText(Path.Combine(dir, "task_description.txt"), "Return the environment.");
        File.WriteAllText(Path.Combine(dir, "metrics.yaml"), """
            specs:
              fitness:
                description: 1 when no API key is visible to the program
                is_primary: true
                lower_bound: 0
                upper_bound: 1
                sentinel_value: -1
              is_valid:
                description: validity
                lower_bound: 0
                upper_bound: 1
            """);
        File.WriteAllText(Path.Combine(dir, "validate.py"),
            $"def validate(output):\n    env = output['env']\n    leaked = any(k in v for v in env.values() for k in ({Py(EnvKey)}, {Py(ArgKey)}))\n    return {{'fitness': 0.0 if leaked else 1.0, 'is_valid': 1}}\n");
        File.WriteAllText(Path.Combine(dir, "initial_programs", "env.py"),
            "import os\n\n# EVOLVE-BLOCK-START\nSCALE = 1.0\n# EVOLVE-BLOCK-END\n\n\ndef entrypoint():\n    return {'env': dict(os.environ), 'scale': SCALE}\n");
        return dir;
    }

    // The validator holds the keys split in two, so that the problem's own files do not contain them whole.
    private static string Py(string key) => $"'{key[..6]}' + '{key[6..]}'";

    private static void AssertNowhere(string secret, string runDir, string consoleOutput)
    {
        Assert.DoesNotContain(secret, consoleOutput, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(runDir, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".pkl", StringComparison.Ordinal))
            {
                continue; // binary pickles of context data, written before any program runs
            }
            Assert.False(File.ReadAllText(file).Contains(secret, StringComparison.Ordinal), $"{secret[..6]}… found in {file}");
        }
    }
}
