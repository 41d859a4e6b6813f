using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace GigaEvo.Tests.Web;

/// <summary>
/// The real host (SQLite file, in-process Hangfire, local artifacts, real Python) on a temporary data folder,
/// with a 1 MiB upload limit and a 5 MiB unpack limit (to reach 413 cheaply) and a fast heartbeat.
/// </summary>
public sealed class PlatformFactory(string? dataDirectory = null, Action<IServiceCollection>? replaceServices = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("gigaevo-web-").FullName;

    public const string RunnerName = "test-runner";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:DataDirectory", DataDirectory);
        builder.UseSetting("Platform:MaxUploadMb", "1");
        // Small enough that a test zip bomb is cheap to make.
        builder.UseSetting("Platform:MaxProblemUnpackedMb", "5");
        builder.UseSetting("Runner:Name", RunnerName);
        builder.UseSetting("Runner:HeartbeatSeconds", "1");
        builder.UseSetting("Runner:HeartbeatTimeoutSeconds", "60");
        // Tests call the health monitor themselves.
        builder.UseSetting("Runner:HealthCheckSeconds", "3600");
        builder.UseSetting("Runner:MaxWorkersPerInstance", "2");
        builder.ConfigureLogging(logging => logging.AddFilter<ConsoleLoggerProvider>(_ => false));
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }
}

/// <summary>One host shared by the web tests (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}

public sealed class PlatformFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Directory.Delete(Factory.DataDirectory, recursive: true);
    }
}
