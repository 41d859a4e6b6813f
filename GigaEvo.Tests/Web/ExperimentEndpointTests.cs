using System.Net;
using System.Net.Http.Json;
using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Tests.Web;

/// <summary>Create (every source and every refusal), list, get, status, history, delete, drop all.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ExperimentEndpointTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Create_FromUploadedDataset_GeneratesTheProblemAndIsInitialized()
    {
        using var upload = await _client.PostAsync("/api/v1/datasets", Api.FileContent(TestProblems.ClassificationCsv(), "shapes.csv"));
        var dataset = await upload.ReadAsync<DatasetDto>();
        using var response = await _client.PostAsJsonAsync("/api/v1/experiments", new
        {
            name = "Shapes", description = "small or large", taskType = "classification", datasetId = dataset.Id,
            targetColumn = "label", metric = "accuracy", generations = 3, islands = 2, parallelism = 2, seed = 7,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var experiment = await response.ReadAsync<ExperimentDto>();
        Assert.Matches(@"^EXP-\d{8}-\d{4}$", experiment.Id);
        Assert.Equal($"/api/v1/experiments/{experiment.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("INITIALIZED", experiment.Status);
        Assert.Equal("accuracy", experiment.Metric);
        Assert.Equal(Models.LocalOperator, experiment.Model);
        Assert.Equal(["islands=[{name: island_1}, {name: island_2}]", "max_parallel_programs=2", "seed=7"], experiment.Overrides);
        var problemDir = Path.Combine(fixture.Factory.DataDirectory, "artifacts", "experiments", experiment.Id, "problem", "shapes");
        Assert.True(File.Exists(Path.Combine(problemDir, "validate.py")));
        Assert.True(File.Exists(Path.Combine(problemDir, "data.csv")));

        var status = await _client.GetFromJsonAsync<ExperimentStatusDto>($"/api/v1/experiments/{experiment.Id}/status", Api.Json);
        Assert.Equal("INITIALIZED", status!.Status);
        Assert.Equal(0, status.Progress);
        var history = await _client.GetFromJsonAsync<List<StatusChangeDto>>($"/api/v1/experiments/{experiment.Id}/history", Api.Json);
        Assert.Equal([null, "PENDING"], history!.Select(h => h.From));
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400WithEachField()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/experiments", new
        {
            name = "", taskType = "classification", metric = "r2", generations = 0, model = "gpt-9", preset = "nope", islands = 99, overrides = new[] { "max_generations=5", "garbage" },
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "datasetId", "targetColumn", "metric", "generations", "model", "preset", "islands", "overrides" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(2, errors.GetProperty("overrides").GetArrayLength());
    }

    [Fact]
    public async Task Create_DataProblems_Return400OnTheRightField()
    {
        using var upload = await _client.PostAsync("/api/v1/datasets", Api.FileContent(TestProblems.ClassificationCsv(), "shapes.csv"));
        var dataset = await upload.ReadAsync<DatasetDto>();
        using var badTarget = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "x", taskType = "classification", datasetId = dataset.Id, targetColumn = "colour" });
        Assert.Contains("colour", (await badTarget.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("targetColumn")[0].GetString());
        using var notNumeric = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "x", taskType = "regression", datasetId = dataset.Id, targetColumn = "label" });
        Assert.Contains("not numeric", (await notNumeric.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("targetColumn")[0].GetString());
        using var noDataset = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "x", taskType = "clustering", datasetId = "DS-000000000000" });
        Assert.True((await noDataset.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("datasetId", out _));
        using var badOverride = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "x", taskType = "custom", problem = "trivial", overrides = new[] { "no_such_key=1" } });
        Assert.Contains("Unknown configuration key", (await badOverride.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("overrides")[0].GetString());
        using var unknownProblem = await _client.PostAsJsonAsync("/api/v1/experiments", new { name = "x", taskType = "custom", problem = "nope" });
        Assert.True((await unknownProblem.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("problem", out _));
    }

    [Fact]
    public async Task UploadProblem_BrokenZip_Returns400ListingEachDefect()
    {
        using var response = await _client.PostAsync("/api/v1/problems", Api.FileContent(TestProblems.BrokenProblemZip(), "broken.zip"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var defects = problem.GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(defects, d => d.Contains("validate.py", StringComparison.Ordinal));
        Assert.Contains(defects, d => d.Contains("a.py", StringComparison.Ordinal));
        using var notZip = await _client.PostAsync("/api/v1/problems", Api.FileContent([1, 2, 3], "p.zip"));
        await notZip.ProblemAsync(HttpStatusCode.BadRequest);
        var examples = await _client.GetFromJsonAsync<List<ProblemInfo>>("/api/v1/problems", Api.Json);
        Assert.Contains(examples!, p => p.Name == "trivial" && p.PrimaryMetric == "fitness");
    }

    [Fact]
    public async Task Templates_ListMlTemplatesAndExamples_AndUnknownTemplateIs404()
    {
        var templates = await _client.GetFromJsonAsync<List<TemplateInfo>>("/api/v1/templates", Api.Json);
        Assert.Contains(templates!, t => t.Name == "iris" && t.Kind == "ml" && t.TargetColumn == "species");
        Assert.Contains(templates!, t => t.Name == "heilbron" && t.Kind == "problem" && t.TaskType == "custom");
        using var response = await _client.PostAsJsonAsync("/api/v1/templates/nope/experiments", new { });
        await response.ProblemAsync(HttpStatusCode.NotFound);
        using var bad = await _client.PostAsJsonAsync("/api/v1/templates/trivial/experiments", new { generations = -1 });
        Assert.True((await bad.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("generations", out _));
    }

    [Fact]
    public async Task List_FiltersByStatusPagesAndRefusesUnknownStatus()
    {
        var a = await _client.CreateTrivialAsync();
        var b = await _client.CreateTrivialAsync();
        var page = await _client.GetFromJsonAsync<PageDto<ExperimentDto>>("/api/v1/experiments?status=initialized&pageSize=1", Api.Json);
        Assert.Single(page!.Items);
        Assert.True(page.Total >= 2);
        Assert.Equal(b.Id, page.Items[0].Id); // newest first
        var second = await _client.GetFromJsonAsync<PageDto<ExperimentDto>>("/api/v1/experiments?status=INITIALIZED&pageSize=1&page=2", Api.Json);
        Assert.Equal(a.Id, second!.Items[0].Id);
        var completed = await _client.GetFromJsonAsync<PageDto<ExperimentDto>>("/api/v1/experiments?status=COMPLETED", Api.Json);
        Assert.All(completed!.Items, e => Assert.Equal("COMPLETED", e.Status));
        using var bad = await _client.GetAsync("/api/v1/experiments?status=DONE");
        Assert.True((await bad.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Delete_And_DropAll_RemoveExperimentsAndTheirFiles()
    {
        var one = await _client.CreateTrivialAsync();
        using (var delete = await _client.DeleteAsync($"/api/v1/experiments/{one.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        using (var again = await _client.DeleteAsync($"/api/v1/experiments/{one.Id}"))
        {
            await again.ProblemAsync(HttpStatusCode.NotFound);
        }
        await _client.CreateTrivialAsync();
        var running = await _client.CreateTrivialAsync(generations: 50);
        using (var start = await _client.PostAsync($"/api/v1/experiments/{running.Id}/start"))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }
        using var drop = await _client.DeleteAsync("/api/v1/experiments");
        Assert.Equal(HttpStatusCode.OK, drop.StatusCode);
        Assert.True((await drop.ReadAsync<DropAllDto>()).Deleted >= 2);
        var left = await _client.GetFromJsonAsync<PageDto<ExperimentDto>>("/api/v1/experiments", Api.Json);
        Assert.Equal(0, left!.Total);
        Assert.False(Directory.Exists(Path.Combine(fixture.Factory.DataDirectory, "artifacts", "experiments", running.Id)));
    }

    [Fact]
    public async Task Ids_AreSequentialWithinTheDay()
    {
        var first = await _client.CreateTrivialAsync();
        var second = await _client.CreateTrivialAsync();
        Assert.Equal(first.Id[..13], second.Id[..13]);
        Assert.Equal(int.Parse(first.Id[13..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(second.Id[13..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
