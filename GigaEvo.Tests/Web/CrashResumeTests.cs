using System.Net.Http.Json;
using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GigaEvo.Tests.Web;

/// <summary>A host that went down mid-run: at the next start the experiment is queued again and resumes its run folder.</summary>
public sealed class CrashResumeTests
{
    [Fact]
    public async Task Start_AfterAHostDiedWithAnExperimentRunning_ResumesWithoutReevaluatingFinishedPrograms()
    {
        var data = Directory.CreateTempSubdirectory("gigaevo-crash-").FullName;
        string id;
        string runDir;
        await using (var first = new PlatformFactory(data))
        {
            using var client = first.CreateClient();
            var experiment = await client.CreateTrivialAsync(generations: 1);
            id = experiment.Id;
            await client.RunToCompletionAsync(id);
            runDir = Path.Combine(data, "artifacts", "experiments", id, "runs", "1");
        }
        var before = RunFolder.ReadPrograms(runDir).Where(RunFolder.IsJudged).ToDictionary(p => p.Id);
        Assert.Equal(10, before.Count);

        // What a crash mid-run leaves: the experiment RUNNING in the database, its run folder halfway (1 of 3 generations).
        var options = new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={Path.Combine(data, "gigaevo.db")}").Options;
        await using (var db = new PlatformDbContext(options))
        {
            await db.Experiments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, ExperimentStatus.Running)
                .SetProperty(e => e.Generations, 3));
        }

        await using (var second = new PlatformFactory(data))
        {
            using var client = second.CreateClient();
            await using var events = await EventStream.OpenAsync(client, id);
            var end = await events.WaitForAsync(e => e.Name == "status" && e.Data.GetProperty("to").GetString() is "COMPLETED" or "FAILED", TimeSpan.FromMinutes(2));
            Assert.Equal("COMPLETED", end.Data.GetProperty("to").GetString());
            var history = await client.GetFromJsonAsync<List<StatusChangeDto>>($"/api/v1/experiments/{id}/history", Api.Json);
            Assert.Contains(history!, h => h.From == "RUNNING" && h.To == "QUEUED" && h.Reason!.Contains("host stopped", StringComparison.Ordinal));
            var results = await client.GetFromJsonAsync<ResultsDto>($"/api/v1/experiments/{id}/results", Api.Json);
            Assert.Equal(3, results!.GenerationsDone);
            Assert.Equal(2 + 3 * 8, results.ProgramsTotal);
        }
        var after = RunFolder.ReadPrograms(runDir).ToDictionary(p => p.Id);
        foreach (var program in before.Values)
        {
            // Evaluated once: the same attempt and the same stage results as before the restart.
            Assert.Equal(1, after[program.Id].Attempts);
            Assert.Equal(program.Stages["run"].DurationMs, after[program.Id].Stages["run"].DurationMs);
        }
        Assert.All(after.Values, p => Assert.Equal(1, p.Attempts));
        Directory.Delete(data, recursive: true);
    }
}
