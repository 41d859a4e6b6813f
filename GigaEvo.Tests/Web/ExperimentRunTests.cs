using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Tests.Web;

/// <summary>Runs as Hangfire jobs: start, live events, completion, results, archive, restart.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ExperimentRunTests(PlatformFixture fixture)
{
    private static readonly TimeSpan RunTimeout = Api.RunTimeout;
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Start_TrivialProblem_StreamsRunningGenerationsNewBestAndCompleted()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 2);
        await using var events = await EventStream.OpenAsync(_client, experiment.Id);
        await events.WaitForStatusAsync("INITIALIZED", TimeSpan.FromSeconds(10));

        using var start = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start");
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal("QUEUED", (await start.ReadAsync<ExperimentDto>()).Status);
        await events.WaitForStatusAsync("RUNNING", RunTimeout);
        await events.WaitForStatusAsync("COMPLETED", RunTimeout);

        var generations = events.Received.Where(e => e.Name == "generation").ToList();
        Assert.Equal([0, 1, 2], generations.Select(g => g.Data.GetProperty("generation").GetInt32()));
        Assert.All(generations, g => Assert.Equal(2, g.Data.GetProperty("maxGenerations").GetInt32()));
        Assert.Contains(events.Received, e => e.Name == "best");
        var bests = generations.Select(g => g.Data.GetProperty("bestSoFar").GetDouble()).ToList();
        Assert.Equal(bests.Order(), bests); // best-so-far never falls

        var results = await _client.GetFromJsonAsync<ResultsDto>($"/api/v1/experiments/{experiment.Id}/results", Api.Json);
        Assert.Equal(2, results!.GenerationsDone);
        Assert.Equal(2 + 2 * 8, results.ProgramsTotal);
        Assert.Equal(results.ProgramsTotal, results.ProgramsValid + results.ProgramsInvalid);
        Assert.Equal(bests[^1], results.BestMetric);
        var history = await _client.GetFromJsonAsync<List<StatusChangeDto>>($"/api/v1/experiments/{experiment.Id}/history", Api.Json);
        Assert.Equal(["PENDING", "INITIALIZED", "QUEUED", "RUNNING", "COMPLETED"], history!.Select(h => h.To));
        Assert.Equal(history!.Select(h => h.At).Order(), history!.Select(h => h.At));

        using var again = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/start");
        await again.ProblemAsync(HttpStatusCode.Conflict);
        using var stop = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/stop");
        await stop.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ResultsEndpoints_AfterARun_GiveBestProgramProgramsAndARunnableArchive()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        using (var early = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}/archive"))
        {
            await early.ProblemAsync(HttpStatusCode.Conflict);
        }
        using (var none = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}/best-program"))
        {
            await none.ProblemAsync(HttpStatusCode.NotFound);
        }
        await _client.RunToCompletionAsync(experiment.Id);

        var best = await _client.GetFromJsonAsync<BestProgramDto>($"/api/v1/experiments/{experiment.Id}/best-program", Api.Json);
        Assert.Contains("def entrypoint", best!.Code);
        Assert.Equal("fitness", best.Metric);
        Assert.Equal(best.Fitness, best.Metrics["fitness"]);
        Assert.Equal(best.ProgramId, best.Lineage[0].Id);
        Assert.Equal("initial", best.Lineage[^1].MutationKind);

        var page = await _client.GetFromJsonAsync<PageDto<ProgramDto>>($"/api/v1/experiments/{experiment.Id}/programs?page=2&pageSize=4", Api.Json);
        Assert.Equal(10, page!.Total);
        Assert.Equal(4, page.Items.Count);
        var evolving = await _client.GetFromJsonAsync<PageDto<ProgramDto>>($"/api/v1/experiments/{experiment.Id}/programs?state=evolving", Api.Json);
        Assert.All(evolving!.Items, p => Assert.Equal("EVOLVING", p.State));
        using (var badState = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}/programs?state=nope"))
        {
            var problem = await badState.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _));
        }

        using var archive = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}/archive");
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Equal("application/zip", archive.Content.Headers.ContentType?.MediaType);
        var folder = Directory.CreateTempSubdirectory("gigaevo-archive-").FullName;
        await using (var zip = await archive.Content.ReadAsStreamAsync())
        {
            await ZipFile.ExtractToDirectoryAsync(zip, folder);
        }
        foreach (var file in new[] { "program.py", "validate.py", "metrics.yaml", "task_description.txt", "run.py", "metadata.json", "README.md" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }
        Assert.Equal(best.Code, await File.ReadAllTextAsync(Path.Combine(folder, "program.py")));
        var (code, output) = await PythonAsync(folder, "run.py");
        Assert.True(code == 0, output);
        Assert.Contains("fitness", output);
    }

    [Fact]
    public async Task Restart_CompletedExperiment_RunsAgainInANewRunFolder()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        await _client.RunToCompletionAsync(experiment.Id);

        using var restart = await _client.PostAsync($"/api/v1/experiments/{experiment.Id}/restart");
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        Assert.Equal(2, (await restart.ReadAsync<ExperimentDto>()).RunNumber);
        await _client.RunToCompletionAsync(experiment.Id, alreadyQueued: true);

        var after = await _client.GetExperimentAsync(experiment.Id);
        Assert.Equal(2, after.RunNumber);
        Assert.Equal(1, after.Results.GenerationsDone);
        Assert.True(Directory.Exists(Path.Combine(fixture.Factory.DataDirectory, "artifacts", "experiments", experiment.Id, "runs", "1")));
        Assert.True(Directory.Exists(Path.Combine(fixture.Factory.DataDirectory, "artifacts", "experiments", experiment.Id, "runs", "2")));
        var history = await _client.GetFromJsonAsync<List<StatusChangeDto>>($"/api/v1/experiments/{experiment.Id}/history", Api.Json);
        Assert.Contains(history!, h => h.From == "COMPLETED" && h.To == "QUEUED" && h.Reason!.Contains("restarted", StringComparison.Ordinal));
        Assert.Equal(2, history!.Count(h => h.To == "COMPLETED"));
    }

    [Fact]
    public async Task Template_Iris_RunsToCompletionWithAHoldoutMetricAndAnMlArchive()
    {
        var experiment = await _client.CreateFromTemplateAsync("iris", new { generations = 1, name = "Iris quick" });
        Assert.Equal("Iris quick", experiment.Name);
        Assert.Equal("classification", experiment.TaskType);
        Assert.Equal("species", experiment.TargetColumn);
        Assert.Equal("f1_macro", experiment.Metric);
        Assert.StartsWith("DS-", experiment.DatasetId);
        await _client.RunToCompletionAsync(experiment.Id);
        var results = await _client.GetFromJsonAsync<ResultsDto>($"/api/v1/experiments/{experiment.Id}/results", Api.Json);
        Assert.InRange(results!.BestMetric!.Value, 0.5, 1.0);
        Assert.NotNull(results.HoldoutMetric);
        var best = await _client.GetFromJsonAsync<BestProgramDto>($"/api/v1/experiments/{experiment.Id}/best-program", Api.Json);
        Assert.NotNull(best!.HoldoutMetrics);
        using var archive = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}/archive");
        await using var zip = new ZipArchive(await archive.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "train.py");
        Assert.Contains(zip.Entries, e => e.FullName == "data.csv");
    }

    [Fact]
    public async Task StartStopRestart_UnknownExperiment_Return404()
    {
        foreach (var action in new[] { "start", "stop", "restart" })
        {
            using var response = await _client.PostAsync($"/api/v1/experiments/EXP-20000101-9999/{action}");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }
        foreach (var path in new[] { "results", "best-program", "archive", "programs", "events", "status", "history" })
        {
            using var response = await _client.GetAsync($"/api/v1/experiments/EXP-20000101-9999/{path}");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    internal static async Task<(int Code, string Output)> PythonAsync(string folder, string script)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", script) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
