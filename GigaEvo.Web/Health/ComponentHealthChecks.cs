using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Experiments;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Programs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GigaEvo.Web.Health;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PlatformDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var count = await db.Experiments.CountAsync(cancellationToken);
        return HealthCheckResult.Healthy($"SQLite {db.Database.GetDbConnection().DataSource}",
            new Dictionary<string, object> { ["experiments"] = count });
    }
}

/// <summary>Hangfire's storage answers, and at least one server processes jobs.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = storage.GetMonitoringApi().GetStatistics();
        var data = new Dictionary<string, object> { ["servers"] = stats.Servers, ["enqueued"] = stats.Enqueued, ["processing"] = stats.Processing, ["failed"] = stats.Failed };
        return Task.FromResult(stats.Servers > 0
            ? HealthCheckResult.Healthy($"Hangfire in-process storage, {stats.Servers} server(s)", data)
            : HealthCheckResult.Degraded("Hangfire in-process storage: no server is processing jobs (runner stopped)", data: data));
    }
}

/// <summary>The embedded program store can write a program, reopen and read it back.</summary>
public sealed class ProgramStoreHealthCheck(IArtifactStore artifacts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var key = $"health/store-{Guid.NewGuid():N}";
        try
        {
            var dir = artifacts.LocalPath(key);
            var program = new EvolvedProgram { Id = Guid.NewGuid(), Code = "def entrypoint():\n    return 1\n", CreatedAt = DateTimeOffset.UtcNow, Lineage = new Lineage { MutationKind = "health" } };
            await FileProgramStore.Open(dir, "health").AddAsync(program, cancellationToken);
            var back = await FileProgramStore.Open(dir, "health").GetAsync(program.Id, cancellationToken);
            return back?.Code == program.Code
                ? HealthCheckResult.Healthy("file program store (one JSON file per program, atomic writes) in the run folders")
                : HealthCheckResult.Unhealthy("a program written to the file store read back differently");
        }
        finally
        {
            await artifacts.DeleteAsync(key, CancellationToken.None);
        }
    }
}

/// <summary>The artifact folder is writable.</summary>
public sealed class ArtifactStoreHealthCheck(IArtifactStore artifacts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await artifacts.CheckAsync(cancellationToken);
        return HealthCheckResult.Healthy(artifacts.Description);
    }
}

/// <summary>The interpreter runs and has numpy and scikit-learn.</summary>
public sealed class PythonHealthCheck(PythonInfo python) : IHealthCheck
{
    private static readonly string[] Required = ["numpy", "sklearn"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var versions = await python.GetVersionsAsync(cancellationToken);
        var data = versions.ToDictionary(v => v.Key, v => (object)v.Value);
        var missing = Required.Where(m => !versions.TryGetValue(m, out var v) || v.StartsWith("missing", StringComparison.Ordinal)).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy($"{python.Interpreter}: Python {versions.GetValueOrDefault("python")}, numpy {versions["numpy"]}, scikit-learn {versions["sklearn"]}", data)
            : HealthCheckResult.Unhealthy($"{python.Interpreter} lacks {string.Join(", ", missing)} (apt-get install python3-numpy python3-sklearn)", data: data);
    }
}
