using System.Net;
using System.Net.Http.Json;
using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Contracts;
using GigaEvo.Web.Logging;
using GigaEvo.Web.Runners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GigaEvo.Tests.Web;

[Collection(PlatformCollection.Name)]
public sealed class InstanceEndpointTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task List_ShowsThisProcessRegisteredAndHeartbeating()
    {
        var first = await _client.GetFromJsonAsync<RunnerDto>($"/api/v1/instances/{PlatformFactory.RunnerName}", Api.Json);
        await Task.Delay(2500);
        var instances = await _client.GetFromJsonAsync<List<RunnerDto>>("/api/v1/instances", Api.Json);
        var local = Assert.Single(instances!, i => i.IsLocal);
        Assert.Equal(PlatformFactory.RunnerName, local.Name);
        Assert.Equal("ACTIVE", local.Status);
        Assert.Equal(2, local.TotalWorkers);
        Assert.True(local.LastHeartbeat > first!.LastHeartbeat, "the heartbeat moves every second");
        var health = await _client.GetFromJsonAsync<RunnersHealthDto>("/api/v1/instances/health", Api.Json);
        Assert.True(health!.Active >= 1);
    }

    [Fact]
    public async Task Logs_ReturnTheLastLines_AndRefuseBadCounts()
    {
        var lines = await _client.GetFromJsonAsync<List<LogLine>>($"/api/v1/instances/{PlatformFactory.RunnerName}/logs?lines=5", Api.Json);
        Assert.InRange(lines!.Count, 1, 5);
        Assert.Equal(lines.Select(l => l.At).Order(), lines.Select(l => l.At));
        using var bad = await _client.GetAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/logs?lines=0");
        Assert.True((await bad.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task UnknownInstance_Returns404_ForEveryAction()
    {
        using var get = await _client.GetAsync("/api/v1/instances/nope");
        await get.ProblemAsync(HttpStatusCode.NotFound);
        foreach (var action in new[] { "initialize", "stop", "restart" })
        {
            using var response = await _client.PostAsync($"/api/v1/instances/nope/{action}");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }
        using var logs = await _client.GetAsync("/api/v1/instances/nope/logs");
        await logs.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restart_LocalRunner_StopsAndTakesJobsAgain()
    {
        using var restart = await _client.PostAsync($"/api/v1/instances/{PlatformFactory.RunnerName}/restart");
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        Assert.Equal("ACTIVE", (await restart.ReadAsync<RunnerDto>()).Status);
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        await _client.RunToCompletionAsync(experiment.Id);
    }

    [Fact]
    public async Task HealthMonitor_StaleRemoteInstance_LeavesRotationAndComesBackWhenHealthy()
    {
        var services = fixture.Factory.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Runners.Where(r => r.Id == "remote-1").ExecuteDeleteAsync();
            db.Runners.Add(new RunnerInstance
            {
                Id = "remote-1", Name = "remote-1", Endpoint = "http://127.0.0.1:9", Status = RunnerStatus.Active,
                StartedAt = DateTimeOffset.UtcNow.AddHours(-1), LastHeartbeat = DateTimeOffset.UtcNow.AddMinutes(-10), TotalWorkers = 5,
            });
            await db.SaveChangesAsync();
        }
        var monitor = services.GetRequiredService<RunnerHealthMonitor>();
        await monitor.CheckAllAsync();
        var remote = await _client.GetFromJsonAsync<RunnerDto>("/api/v1/instances/remote-1", Api.Json);
        Assert.Equal("UNHEALTHY", remote!.Status);
        Assert.Contains("no heartbeat", remote.HealthMessage);
        Assert.False(remote.IsLocal);
        var health = await _client.GetFromJsonAsync<RunnersHealthDto>("/api/v1/instances/health", Api.Json);
        Assert.False(health!.Healthy);
        using (var stop = await _client.PostAsync("/api/v1/instances/remote-1/stop"))
        {
            await stop.ProblemAsync(HttpStatusCode.Conflict); // another process controls itself
        }
        using (var logs = await _client.GetAsync("/api/v1/instances/remote-1/logs"))
        {
            await logs.ProblemAsync(HttpStatusCode.Conflict);
        }

        // It beats again but its endpoint does not answer: still unhealthy, for that reason.
        await services.GetRequiredService<RunnerRegistry>().UpdateAsync("remote-1", r => r.LastHeartbeat = DateTimeOffset.UtcNow);
        await monitor.CheckAllAsync();
        remote = await _client.GetFromJsonAsync<RunnerDto>("/api/v1/instances/remote-1", Api.Json);
        Assert.Equal("UNHEALTHY", remote!.Status);
        Assert.Contains("unreachable", remote.HealthMessage);

        // Its /health answers again: back in the rotation.
        using var listener = new System.Net.HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = 200;
            context.Response.Close();
        });
        await services.GetRequiredService<RunnerRegistry>().UpdateAsync("remote-1", r => r.Endpoint = $"http://127.0.0.1:{port}");
        await monitor.CheckAllAsync();
        await serving;
        remote = await _client.GetFromJsonAsync<RunnerDto>("/api/v1/instances/remote-1", Api.Json);
        Assert.Equal("ACTIVE", remote!.Status);
        Assert.Equal("healthy", remote.HealthMessage);
        var local = await _client.GetFromJsonAsync<RunnerDto>($"/api/v1/instances/{PlatformFactory.RunnerName}", Api.Json);
        Assert.Equal("ACTIVE", local!.Status);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Runners.Where(r => r.Id == "remote-1").ExecuteDeleteAsync();
        }
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
