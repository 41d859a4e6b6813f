using System.Net;
using System.Text;
using System.Text.Json;

namespace GigaEvo.Tests.Web;

/// <summary>Bodies and query values the API cannot read, and out-of-range pages: 400 ProblemDetails naming the field.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RequestBindingTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/api/v1/experiments", """{"name":"x","generations":"ten"}""", "generations", "whole number")]
    [InlineData("/api/v1/experiments", """{"name":"x","Islands":[1]}""", "islands", "whole number")]
    [InlineData("/api/v1/experiments", """{"name":"x","overrides":"a=1"}""", "overrides", "list")]
    [InlineData("/api/v1/experiments", """{name: "x"}""", "body", "not valid JSON")]
    [InlineData("/api/v1/experiments", "[]", "body", "JSON object")]
    [InlineData("/api/v1/experiments", "null", "body", "JSON object")]
    [InlineData("/api/v1/experiments", "", "body", "JSON object")]
    [InlineData("/api/v1/templates/trivial/experiments", """{"generations":"ten"}""", "generations", "whole number")]
    [InlineData("/api/v1/templates/trivial/experiments", "[]", "body", "JSON object")]
    [InlineData("/api/v1/templates/trivial/experiments", "{", "body", "not valid JSON")]
    public async Task Post_UnreadableBody_Returns400NamingTheField(string url, string body, string field, string message)
    {
        using var response = await _client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NotJson_Still415()
    {
        using var response = await _client.PostAsync("/api/v1/experiments", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/v1/experiments?page=abc", "page")]
    [InlineData("/api/v1/experiments?pageSize=2147483648", "pageSize")]
    [InlineData("/api/v1/experiments/EXP-00000000-0000/programs?page=1x", "page")]
    [InlineData("/api/v1/instances/test-runner/logs?lines=abc", "lines")]
    public async Task Get_UnreadableQueryValue_Returns400NamingTheParameter(string url, string field)
    {
        using var response = await _client.GetAsync(url);
        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("not a valid value", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=0", "page", "1 or more")]
    [InlineData("page=-1", "page", "1 or more")]
    [InlineData("pageSize=0", "pageSize", "between 1 and 200")]
    [InlineData("pageSize=-5", "pageSize", "between 1 and 200")]
    [InlineData("pageSize=1000000", "pageSize", "between 1 and 200")]
    public async Task List_PageOutOfRange_Returns400WithTheRange(string query, string field, string range)
    {
        var experiment = await _client.CreateTrivialAsync();
        foreach (var url in new[] { $"/api/v1/experiments?{query}", $"/api/v1/experiments/{experiment.Id}/programs?{query}" })
        {
            using var response = await _client.GetAsync(url);
            var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.Contains(range, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_SeveralStatuses_Returns400()
    {
        using var response = await _client.GetAsync("/api/v1/experiments?status=INITIALIZED&status=COMPLETED");
        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("one status", errors.GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        using var one = await _client.GetAsync("/api/v1/experiments?status=INITIALIZED&page=1&pageSize=200");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement.GetProperty("items").ValueKind);
    }
}
