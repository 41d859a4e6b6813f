using System.IO.Compression;
using System.Text.Json;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Programs;
using GigaEvo.Tests.Web;

namespace GigaEvo.Tests.Integration.Cli;

/// <summary>Crash and stop behaviour of a real CLI process: kill -9 and Ctrl+C (SIGINT), then resume.</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task Evolve_KilledWithSigkillMidRun_ResumesWithoutEvaluatingFinishedProgramsTwice()
    {
        var cwd = Directory.CreateTempSubdirectory("gigaevo-resume-").FullName;
        var runDir = Path.Combine(cwd, "run");
        // Slow programs (0.4 s each) so the kill lands while some are mid-evaluation.
        string[] args = ["evolve", "problem.name=wine_classification", "max_generations=4", "programs_per_generation=6", "max_parallel_programs=2", $"output.run_dir={runDir}"];
        using (var first = CliProcess.Start(cwd, args))
        {
            await first.WaitForOutputAsync("gen 1/4", TimeSpan.FromMinutes(3));
            first.Signal(9);
            Assert.Equal(137, await first.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        var before = (await FileProgramStore.Open(Path.Combine(runDir, "store"), "r").GetAllAsync()).ToDictionary(p => p.Id);
        var finished = before.Values.Where(p => p.State is ProgramState.Evolving or ProgramState.Discarded or ProgramState.ProcessingCompleted).ToList();
        Assert.NotEmpty(finished);

        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, args);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("Resuming at generation", stdout);
        var after = (await FileProgramStore.Open(Path.Combine(runDir, "store"), "r").GetAllAsync()).ToDictionary(p => p.Id);
        foreach (var program in finished)
        {
            // Evaluated once: same attempt count and the same stage results as before the crash.
            Assert.Equal(program.Attempts, after[program.Id].Attempts);
            Assert.Equal(1, after[program.Id].Attempts);
        }
        Assert.DoesNotContain(after.Values, p => p.State is ProgramState.Fresh or ProgramState.ProcessingStarted);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json")));
        Assert.Equal(4, summary.RootElement.GetProperty("generations").GetInt32());
        Assert.Equal(2 + 4 * 6, summary.RootElement.GetProperty("programs_total").GetInt32());
    }

    [Fact]
    public async Task Evolve_Sigint_StopsCleanlyKillsPythonAndCanResume()
    {
        var cwd = Directory.CreateTempSubdirectory("gigaevo-stop-").FullName;
        var runDir = Path.Combine(cwd, "run");
        var problem = SlowProblem(cwd);
        string[] args = ["evolve", $"problem.dir={problem}", "max_generations=2", "programs_per_generation=2", $"output.run_dir={runDir}"];
        using (var cli = CliProcess.Start(cwd, args))
        {
            await cli.WaitForOutputAsync("Mutation operator", TimeSpan.FromMinutes(2));
            await Task.Delay(1500); // the initial programs are now sleeping inside Python
            var started = DateTime.UtcNow;
            cli.Signal(2);
            var code = await cli.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(code == 130, cli.Stdout + cli.Stderr);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
            Assert.Contains("resume with: evolve output.run_dir=", cli.Stderr);
        }
        var programs = await FileProgramStore.Open(Path.Combine(runDir, "store"), "r").GetAllAsync();
        Assert.All(programs, p => Assert.Equal(ProgramState.Fresh, p.State));
        Assert.True(File.Exists(Path.Combine(runDir, "summary.json")));
    }

    private static string SlowProblem(string root)
    {
        // The same sleeping problem the web tests upload as a zip.
        ZipFile.ExtractToDirectory(new MemoryStream(TestProblems.SlowProblemZip(sleepSeconds: 30)), root);
        return Path.Combine(root, "slow");
    }
}
