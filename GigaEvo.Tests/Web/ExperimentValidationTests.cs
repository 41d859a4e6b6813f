using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Tests.Web;

/// <summary>Create refusals that need the database or the files, template bodies, control characters, file names.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ExperimentValidationTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonElement> ErrorsAsync(string url, object body)
    {
        using var response = await _client.PostAsJsonAsync(url, body);
        return (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
    }

    private static void AssertFields(JsonElement errors, params string[] fields)
    {
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Create_BlankNameAndUnknownDataset_ReportsBothFields()
    {
        var errors = await ErrorsAsync("/api/v1/experiments", new { name = " ", taskType = "classification", datasetId = "DS-000000000000", targetColumn = "label" });
        AssertFields(errors, "name", "datasetId");
    }

    [Fact]
    public async Task Create_BlankNameAndMissingColumn_ReportsBothFields()
    {
        using var upload = await _client.PostAsync("/api/v1/datasets", Api.FileContent(TestProblems.ClassificationCsv(), "shapes.csv"));
        var dataset = await upload.ReadAsync<DatasetDto>();
        var errors = await ErrorsAsync("/api/v1/experiments", new { name = "", taskType = "classification", datasetId = dataset.Id, targetColumn = "colour", generations = 0 });
        AssertFields(errors, "name", "targetColumn", "generations");
    }

    [Fact]
    public async Task Create_UnknownProblemUpload_ReportedUnderProblemUploadId()
    {
        var errors = await ErrorsAsync("/api/v1/experiments", new { name = "", taskType = "custom", problemUploadId = "UP-000000000000" });
        AssertFields(errors, "name", "problemUploadId");
        Assert.False(errors.TryGetProperty("problem", out _), errors.ToString());
    }

    [Fact]
    public async Task Create_DatasetFieldsOnCustomTask_Returns400SayingTheyApplyToDatasetTasks()
    {
        var errors = await ErrorsAsync("/api/v1/experiments", new { name = "x", taskType = "custom", problem = "trivial", targetColumn = "label", datasetId = "DS-1" });
        AssertFields(errors, "targetColumn", "datasetId");
        Assert.Contains("dataset tasks", errors.GetProperty("targetColumn")[0].GetString(), StringComparison.Ordinal);
        var template = await ErrorsAsync("/api/v1/templates/trivial/experiments", new { targetColumn = "label" });
        AssertFields(template, "targetColumn");
    }

    [Theory]
    [InlineData("a\0b", null, "name")]
    [InlineData("a\nb", null, "name")]
    [InlineData("ok", "nul \0 here", "description")]
    [InlineData("ok", "escape \u001b[31m", "description")]
    public async Task Create_ControlCharacters_Returns400OnTheField(string name, string? description, string field)
    {
        var errors = await ErrorsAsync("/api/v1/experiments", new { name, description, taskType = "custom", problem = "trivial" });
        AssertFields(errors, field);
        Assert.Contains("control characters", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DescriptionWithNewlines_IsAccepted()
    {
        var experiment = await _client.CreateFromTemplateAsync("trivial", new { description = "first line\nsecond line\r\n\tindented" });
        Assert.Equal("first line\nsecond line\r\n\tindented", experiment.Description);
    }

    [Fact]
    public async Task Template_BodyFieldsAreUsedOrRefused()
    {
        var tooFew = await ErrorsAsync("/api/v1/templates/wine_clusters/experiments", new { clusters = 1 });
        AssertFields(tooFew, "clusters");
        var otherTask = await ErrorsAsync("/api/v1/templates/wine_clusters/experiments", new { taskType = "classification" });
        Assert.Contains("fixes its task type", otherTask.GetProperty("taskType")[0].GetString(), StringComparison.Ordinal);

        var experiment = await _client.CreateFromTemplateAsync("wine_clusters", new { clusters = 6, taskType = "clustering" });
        var folder = Path.Combine(fixture.Factory.DataDirectory, "artifacts", "experiments", experiment.Id);
        var spec = Directory.EnumerateFiles(folder, "ml_spec.json", SearchOption.AllDirectories).Single();
        Assert.Equal(6, JsonDocument.Parse(File.ReadAllText(spec)).RootElement.GetProperty("n_clusters").GetInt32());
    }

    [Fact]
    public async Task Upload_UnicodeFileName_KeepsLettersAndDigits()
    {
        using var response = await _client.PostAsync("/api/v1/datasets", Api.FileContent(TestProblems.ClassificationCsv(), "Données été 2026.csv"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Données_été_2026.csv", (await response.ReadAsync<DatasetDto>()).FileName);
        using var dangerous = await _client.PostAsync("/api/v1/datasets", Api.FileContent(TestProblems.ClassificationCsv(), "..\\x/é\u202e\u0001$(rm).csv"));
        Assert.Equal(HttpStatusCode.Created, dangerous.StatusCode);
        Assert.Equal("é____rm_.csv", (await dangerous.ReadAsync<DatasetDto>()).FileName);
    }
}
