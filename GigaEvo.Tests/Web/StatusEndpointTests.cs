using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GigaEvo.Web.Health;
using GigaEvo.Web.Infrastructure.Hangfire;

namespace GigaEvo.Tests.Web;

[Collection(PlatformCollection.Name)]
public sealed class StatusEndpointTests(PlatformFixture fixture)
{
    private static readonly string[] Components = ["database", "job_storage", "program_store", "artifact_store", "python"];
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Health_ReportsEachComponentAsJson()
    {
        using var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.ReadAsync<HealthSummary>();
        Assert.Equal("Healthy", health.Status);
        Assert.Equal(Components, health.Components.Select(c => c.Name));
        Assert.All(health.Components, c => Assert.Equal("Healthy", c.Status));
    }

    [Fact]
    public async Task Status_GivesComponentsPythonVersionsQueuesExperimentsAndRunners()
    {
        using var response = await _client.GetAsync("/api/v1/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var python = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "python");
        Assert.StartsWith("1.", python.GetProperty("data").GetProperty("numpy").GetString());
        Assert.False(string.IsNullOrEmpty(python.GetProperty("data").GetProperty("sklearn").GetString()));
        var queues = root.GetProperty("queues");
        foreach (var name in new[] { "enqueued", "processing", "failed" })
        {
            Assert.True(queues.GetProperty(name).GetInt64() >= 0);
        }
        Assert.Equal(1, queues.GetProperty("servers").GetInt64());
        Assert.True(root.GetProperty("experiments").TryGetProperty("RUNNING", out _));
        Assert.True(root.GetProperty("runners").GetProperty("active").GetInt32() >= 1);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpointWithNameSummaryAndTag()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/datasets", "/api/v1/experiments", "/api/v1/experiments/{id}", "/api/v1/experiments/{id}/status",
            "/api/v1/experiments/{id}/history", "/api/v1/experiments/{id}/start", "/api/v1/experiments/{id}/stop", "/api/v1/experiments/{id}/restart",
            "/api/v1/experiments/{id}/results", "/api/v1/experiments/{id}/best-program", "/api/v1/experiments/{id}/archive",
            "/api/v1/experiments/{id}/programs", "/api/v1/experiments/{id}/events", "/api/v1/templates", "/api/v1/templates/{name}/experiments",
            "/api/v1/instances", "/api/v1/instances/{id}", "/api/v1/instances/{id}/initialize", "/api/v1/instances/{id}/stop",
            "/api/v1/instances/{id}/restart", "/api/v1/instances/{id}/logs", "/api/v1/instances/health", "/api/v1/status", "/health" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing from the OpenAPI document");
            foreach (var operation in item.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Name} {path} has no name");
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path} has no summary");
                Assert.True(operation.Value.TryGetProperty("tags", out _), $"{operation.Name} {path} has no tag");
            }
        }
        using var scalar = await _client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task HangfireDashboard_RefusesRequestsFromOtherMachines()
    {
        // The in-process test client has no remote address: not local, so refused (401/403).
        using var response = await _client.GetAsync("/hangfire");
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.True(LocalRequestsOnlyFilter.IsLocal(IPAddress.Loopback, IPAddress.Parse("10.0.0.5")));
        Assert.True(LocalRequestsOnlyFilter.IsLocal(IPAddress.IPv6Loopback, null));
        Assert.True(LocalRequestsOnlyFilter.IsLocal(IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.5")));
        Assert.False(LocalRequestsOnlyFilter.IsLocal(IPAddress.Parse("10.0.0.7"), IPAddress.Parse("10.0.0.5")));
        Assert.False(LocalRequestsOnlyFilter.IsLocal(null, IPAddress.Loopback));
    }

    [Fact]
    public async Task Root_ServesTheBlazorUi()
    {
        var html = await _client.GetStringAsync("/");
        Assert.Contains("MudBlazor", html);
        Assert.Contains("_framework/blazor.web.js", html);
        Assert.Contains("/hangfire", html);
        // Package assets must have content, not just a 200 (an unresolved static web asset answers empty).
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(_content/MudBlazor/[^\"]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        Assert.Contains("MudBlazor", await _client.GetStringAsync("/" + css));
    }
}
