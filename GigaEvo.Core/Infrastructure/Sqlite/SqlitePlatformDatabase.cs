using GigaEvo.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GigaEvo.Core.Infrastructure.Sqlite;

/// <summary>The embedded database: one SQLite file in the data folder.</summary>
public static class SqlitePlatformDatabase
{
    /// <summary>Registers the context factory on the file <paramref name="databasePath"/> names (read when first needed).</summary>
    public static IServiceCollection AddSqlitePlatformDatabase(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        services.AddDbContextFactory<PlatformDbContext>((sp, o) =>
        {
            var path = Path.GetFullPath(databasePath(sp));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Default Timeout 30 s on a busy file: concurrent runs write summaries while pages read.
            o.UseSqlite($"Data Source={path};Default Timeout=30");
        });
        return services;
    }

    /// <summary>
    /// Creates the schema when the file is new. EnsureCreated, not migrations: the embedded database has one
    /// schema version so far; the PostgreSQL deployment brings migrations, and this file can then be recreated.
    /// </summary>
    public static async Task EnsureSchemaAsync(IDbContextFactory<PlatformDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.EnsureCreatedAsync(ct);
        // WAL: readers (pages, REST) do not block the writer (a run's summary) and vice versa.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
