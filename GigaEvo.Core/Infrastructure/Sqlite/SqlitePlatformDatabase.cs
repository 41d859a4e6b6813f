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
    /// Creates or migrates the schema at start (the migrations in <c>Migrations/</c>). A file made before
    /// migrations existed (by EnsureCreated, same tables as the first migration) is first recorded as being at
    /// that migration, so its data is kept and later migrations apply to it.
    /// </summary>
    public static async Task EnsureSchemaAsync(IDbContextFactory<PlatformDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await HasTableAsync(db, "Experiments", ct) && !await HasTableAsync(db, "__EFMigrationsHistory", ct))
        {
            await BaselineAsync(db, ct);
        }
        await db.Database.MigrateAsync(ct);
        // WAL: readers (pages, REST) do not block the writer (a run's summary) and vice versa.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private static async Task<bool> HasTableAsync(PlatformDbContext db, string table, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = {table}").SingleAsync(ct) > 0;

    private static async Task BaselineAsync(PlatformDbContext db, CancellationToken ct)
    {
        var first = db.Database.GetMigrations().First();
        var version = typeof(DbContext).Assembly.GetName().Version!.ToString(3);
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT NOT NULL CONSTRAINT \"PK___EFMigrationsHistory\" PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL);", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({first}, {version});", ct);
    }
}
