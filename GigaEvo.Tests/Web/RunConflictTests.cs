using System.Net;
using System.Net.Http.Json;
using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GigaEvo.Tests.Web;

/// <summary>A queued or running experiment belongs to its job: Start and Restart are refused, and a duplicate job never strands it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RunConflictTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task StartAndRestart_RunningExperiment_Return409AndTheRunGoesOn()
    {
        var experiment = await CreateSlowAsync();
        await using var events = await EventStream.OpenAsync(_client, experiment.Id);
        using (var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }
        await events.WaitForStatusAsync("RUNNING", TimeSpan.FromMinutes(1));

        using (var again = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
        {
            var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("RUNNING", problem.GetProperty("detail").GetString());
        }
        using (var restart = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/restart"))
        {
            var problem = await restart.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("stop it first", problem.GetProperty("detail").GetString());
        }
        var after = await _client.GetExperimentAsync(experiment.Id);
        Assert.Equal("RUNNING", after.Status);
        Assert.Equal(1, after.RunNumber);
        var history = await _client.GetFromJsonAsync<List<StatusChangeDto>>($"/api/v1/experiments/{experiment.Id}/history", Api.Json);
        Assert.DoesNotContain(history!, h => h.From == "RUNNING" && h.To == "QUEUED");

        // The run is still reachable: Stop cancels it.
        using (var stop = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/stop"))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }
        await events.WaitForStatusAsync("CANCELLED", TimeSpan.FromSeconds(20));
        using var delete = await _client.DeleteAsync($"/api/v1/experiments/{experiment.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task StartAndRestart_QueuedExperiment_Return409()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        await StopRunnerAsync();
        try
        {
            using (var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
            {
                Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            }
            foreach (var action in new[] { "start", "restart" })
            {
                using var again = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/{action}");
                var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
                Assert.Contains("QUEUED", problem.GetProperty("detail").GetString());
            }
            Assert.Equal("QUEUED", (await _client.GetExperimentAsync(experiment.Id)).Status);
        }
        finally
        {
            await InitializeRunnerAsync();
        }
        await _client.RunToCompletionAsync(experiment.Id, alreadyQueued: true);
        Assert.Equal(1, (await _client.GetExperimentAsync(experiment.Id)).RunNumber);
    }

    [Fact]
    public async Task RunJob_WhileAnEarlierRunOfTheExperimentIsEndingHere_WaitsForItAndRuns()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        await StopRunnerAsync();
        try
        {
            using (var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
            {
                Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            }
            var services = fixture.Factory.Services;
            // What a run that has just re-queued its experiment (the runner stopping) still holds for a moment.
            var earlier = services.GetRequiredService<IRunCancellation>().TryBegin(experiment.Id, CancellationToken.None);
            Assert.NotNull(earlier);
            var job = services.GetRequiredService<ExperimentRunner>().RunAsync(experiment.Id, CancellationToken.None);
            await Task.Delay(1000);
            Assert.False(job.IsCompleted, "the job ended while the earlier run still held the experiment");
            earlier.Dispose();
            await job.WaitAsync(Api.RunTimeout);
            var after = await _client.GetExperimentAsync(experiment.Id);
            Assert.True(after.Status == "COMPLETED", $"{after.Status}: {after.ErrorReason}");
        }
        finally
        {
            await InitializeRunnerAsync();
        }
    }

    [Fact]
    public async Task Run_EveryProgramInvalid_EndsFailedWithTheFirstError()
    {
        using var upload = await _client.PostAsync("/api/v1/problems", Api.FileContent(TestProblems.NeverValidProblemZip(), "never.zip"));
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var problem = await upload.ReadAsync<ProblemInfo>();
        using var create = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "never", taskType = "custom", problemUploadId = problem.Id, generations = 1 });
        Assert.True(create.StatusCode == HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        var experiment = await create.ReadAsync<ExperimentDto>();

        await using var events = await EventStream.OpenAsync(_client, experiment.Id);
        using (var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start"))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }
        var end = await events.WaitForAsync(e => e.Name == "status" && e.Data.GetProperty("to").GetString() is "COMPLETED" or "FAILED", Api.RunTimeout);
        Assert.Equal("FAILED", end.Data.GetProperty("to").GetString());
        var reason = (await _client.GetExperimentAsync(experiment.Id)).ErrorReason;
        Assert.Matches(@"^no valid program: every one of [1-9]\d* programs failed validation \(first error: .*rejected by the test validator", reason);
    }

    [Fact]
    public async Task List_StatusAsANumberOrAList_Returns400()
    {
        foreach (var status in new[] { "3", "running,queued", "-1" })
        {
            using var response = await _client.GetAsync($"/api/v1/experiments?status={Uri.EscapeDataString(status)}");
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _), status);
        }
        using var byName = await _client.GetAsync("/api/v1/experiments?status=Running");
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
    }

    [Fact]
    public async Task RunnerControl_InitializeActiveOrStopStopped_Returns409()
    {
        var runner = $"/api/v1/instances/{PlatformFactory.RunnerName}";
        using (var initialize = await _client.PostAsync($"{runner}/initialize"))
        {
            var problem = await initialize.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("already ACTIVE", problem.GetProperty("detail").GetString());
        }
        await StopRunnerAsync();
        try
        {
            using var stop = await _client.PostAsync($"{runner}/stop");
            var problem = await stop.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("already STOPPED", problem.GetProperty("detail").GetString());
        }
        finally
        {
            await InitializeRunnerAsync();
        }
        using var restart = await _client.PostAsync($"{runner}/restart");
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        Assert.Equal("ACTIVE", (await restart.ReadAsync<RunnerDto>()).Status);
    }

    private async Task StopRunnerAsync()
    {
        using var stop = await _client.PostAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/stop");
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
    }

    private async Task InitializeRunnerAsync()
    {
        using var initialize = await _client.PostAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/initialize");
        Assert.Equal(HttpStatusCode.Accepted, initialize.StatusCode);
    }

    private async Task<ExperimentDto> CreateSlowAsync()
    {
        using var upload = await _client.PostAsync("/api/v1/problems", Api.FileContent(TestProblems.SlowProblemZip(), "slow.zip"));
        var problem = await upload.ReadAsync<ProblemInfo>();
        using var create = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "slow", taskType = "custom", problemUploadId = problem.Id, generations = 1 });
        Assert.True(create.StatusCode == HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        return await create.ReadAsync<ExperimentDto>();
    }
}
