using System.Net;
using System.Net.Http.Json;
using System.Text;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Tests.Web;

[Collection(PlatformCollection.Name)]
public sealed class DatasetEndpointTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Upload_Csv_ReturnsIdColumnsRowsAndPreview()
    {
        using var response = await _client.PostAsync("/api/v1/datasets", Api.FileContent(TestProblems.ClassificationCsv(40), "shapes.csv"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dataset = await response.ReadAsync<DatasetDto>();
        Assert.StartsWith("DS-", dataset.Id);
        Assert.Equal($"/api/v1/datasets/{dataset.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(40, dataset.Rows);
        Assert.Equal(["width", "height", "label"], dataset.Columns.Select(c => c.Name));
        Assert.Equal(["numeric", "numeric", "categorical"], dataset.Columns.Select(c => c.Kind));
        Assert.Equal(10, dataset.Preview!.Rows.Count);
        Assert.Equal(["width", "height", "label"], dataset.Preview.Header);

        var again = await _client.GetFromJsonAsync<DatasetDto>($"/api/v1/datasets/{dataset.Id}", Api.Json);
        Assert.Equal(dataset.Rows, again!.Rows);
        var all = await _client.GetFromJsonAsync<List<DatasetDto>>("/api/v1/datasets", Api.Json);
        Assert.Contains(all!, d => d.Id == dataset.Id);
    }

    [Fact]
    public async Task Upload_NotACsv_Returns400OnTheFileField()
    {
        using var response = await _client.PostAsync("/api/v1/datasets", Api.FileContent(Encoding.UTF8.GetBytes("a,b\n1,2\n"), "data.txt"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(".csv", problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task Upload_CsvWithoutHeader_Returns400WithTheReason()
    {
        using var response = await _client.PostAsync("/api/v1/datasets", Api.FileContent(Encoding.UTF8.GetBytes("1,2\n3,4\n"), "numbers.csv"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no header", problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task Upload_WithoutMultipart_Returns415()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/datasets", new { file = "x" });
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Returns413()
    {
        var big = new byte[(int)(1.5 * 1024 * 1024) + 1024 * 1024]; // limit is 1 MiB in the tests
        Array.Fill(big, (byte)'1');
        using var response = await _client.PostAsync("/api/v1/datasets", Api.FileContent(big, "big.csv"));
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Platform:MaxUploadMb", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_UnknownDataset_Returns404()
    {
        using var response = await _client.GetAsync("/api/v1/datasets/DS-000000000000");
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
