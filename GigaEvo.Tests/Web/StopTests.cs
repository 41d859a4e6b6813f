using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GigaEvo.Core.Experiments;
using GigaEvo.Core.Programs;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Tests.Web;

/// <summary>Stop takes effect within seconds: Python is killed, the state saved, and Start resumes.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StopTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Stop_RunningExperimentInsidePython_CancelsWithinSecondsAndStartResumes()
    {
        using var upload = await _client.PostAsync("/api/v1/problems", Api.FileContent(TestProblems.SlowProblemZip(), "slow.zip"));
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var problem = await upload.ReadAsync<ProblemInfo>();
        Assert.Equal("slow", problem.Name);
        using var create = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "slow", taskType = "custom", problemUploadId = problem.Id, generations = 1 });
        Assert.True(create.StatusCode == HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        var experiment = await create.ReadAsync<ExperimentDto>();

        await using var events = await EventStream.OpenAsync(_client, experiment.Id);
        using (var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }
        await events.WaitForStatusAsync("RUNNING", TimeSpan.FromMinutes(1));
        await Task.Delay(2000); // the initial program is now asleep inside Python
        var watch = Stopwatch.StartNew();
        using (var stop = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/stop"))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }
        var cancelled = await events.WaitForStatusAsync("CANCELLED", TimeSpan.FromSeconds(20));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"stop took {watch.Elapsed}");
        Assert.Contains("stopped by the user", cancelled.Data.GetProperty("reason").GetString());

        var runDir = Path.Combine(fixture.Factory.DataDirectory, "artifacts", "experiments", experiment.Id, "runs", "1");
        var programs = RunFolder.ReadPrograms(runDir);
        Assert.NotEmpty(programs);
        Assert.All(programs, p => Assert.Equal(ProgramState.Fresh, p.State)); // killed mid-evaluation: back to FRESH
        using (var stopAgain = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/stop"))
        {
            await stopAgain.ProblemAsync(HttpStatusCode.Conflict);
        }

        // Start resumes the same run folder; stop it again while queued or running, then delete it.
        using (var resume = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
            Assert.Equal(1, (await resume.ReadAsync<ExperimentDto>()).RunNumber);
        }
        using (var delete = await _client.DeleteAsync($"/api/v1/experiments/{experiment.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        Assert.False(Directory.Exists(runDir));
        using var gone = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}");
        await gone.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StopRunner_WithAnExperimentRunning_RequeuesItAndInitializeResumesIt()
    {
        var experiment = await CreateSlowAsync();
        await using var events = await EventStream.OpenAsync(_client, experiment.Id);
        using (var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }
        await events.WaitForStatusAsync("RUNNING", TimeSpan.FromMinutes(1));
        await Task.Delay(1000);
        using (var stopRunner = await _client.PostAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/stop"))
        {
            Assert.Equal(HttpStatusCode.Accepted, stopRunner.StatusCode);
            var runner = await stopRunner.ReadAsync<RunnerDto>();
            Assert.Equal("STOPPED", runner.Status);
            Assert.Equal(0, runner.BusyWorkers);
        }
        var requeued = await events.WaitForStatusAsync("QUEUED", TimeSpan.FromSeconds(5)); // already sent before Stop answered
        Assert.Contains("runner stopped", requeued.Data.GetProperty("reason").GetString());
        await Task.Delay(500);
        Assert.Equal("QUEUED", (await _client.GetExperimentAsync(experiment.Id)).Status);

        using (var initialize = await _client.PostAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/initialize"))
        {
            Assert.Equal(HttpStatusCode.Accepted, initialize.StatusCode);
        }
        await events.WaitForStatusAsync("RUNNING", TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await _client.GetExperimentAsync(experiment.Id)).RunNumber); // the same run folder
        using (var delete = await _client.DeleteAsync($"/api/v1/experiments/{experiment.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
    }

    private async Task<ExperimentDto> CreateSlowAsync()
    {
        using var upload = await _client.PostAsync("/api/v1/problems", Api.FileContent(TestProblems.SlowProblemZip(), "slow.zip"));
        var problem = await upload.ReadAsync<ProblemInfo>();
        using var create = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "slow", taskType = "custom", problemUploadId = problem.Id, generations = 1 });
        Assert.True(create.StatusCode == HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        return await create.ReadAsync<ExperimentDto>();
    }

    [Fact]
    public async Task Stop_QueuedExperimentWhileRunnerStopped_CancelsAtOnce()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        using (var stopRunner = await _client.PostAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/stop"))
        {
            Assert.Equal(HttpStatusCode.Accepted, stopRunner.StatusCode);
        }
        try
        {
            using (var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
            {
                Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            }
            await Task.Delay(500);
            Assert.Equal("QUEUED", (await _client.GetExperimentAsync(experiment.Id)).Status); // no server takes it
            using var stop = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/stop");
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
            Assert.Equal("CANCELLED", (await stop.ReadAsync<ExperimentDto>()).Status);
        }
        finally
        {
            using var initialize = await _client.PostAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/initialize");
            Assert.Equal(HttpStatusCode.Accepted, initialize.StatusCode);
        }
        await Task.Delay(500);
        Assert.Equal("CANCELLED", (await _client.GetExperimentAsync(experiment.Id)).Status); // the stale job did nothing
    }
}
