using GigaEvo.Core.Experiments;
using GigaEvo.Core.Infrastructure.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GigaEvo.Tests.Unit.Experiments;

/// <summary>The embedded database's schema: migrated at start, in step with the model, and older files kept.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gigaevo-schema-").FullName;
    private readonly ServiceProvider _services;

    public SqliteSchemaTests()
    {
        _services = new ServiceCollection().AddSqlitePlatformDatabase(_ => Path.Combine(_folder, "gigaevo.db")).BuildServiceProvider();
    }

    private IDbContextFactory<PlatformDbContext> Factory => _services.GetRequiredService<IDbContextFactory<PlatformDbContext>>();

    [Fact]
    public async Task NewFile_IsMigratedToTheLatest_AndTheModelHasNoChangeWithoutAMigration()
    {
        await SqlitePlatformDatabase.EnsureSchemaAsync(Factory);
        await SqlitePlatformDatabase.EnsureSchemaAsync(Factory); // idempotent: a second start changes nothing

        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Fails when an entity changes and nobody ran `dotnet ef migrations add` (see SqliteDesignTimeFactory).
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration");
        Assert.Equal(0, await db.Experiments.CountAsync());
    }

    [Fact]
    public async Task FileMadeBeforeMigrations_KeepsItsData_AndIsRecordedAtTheFirstMigration()
    {
        await using (var legacy = await Factory.CreateDbContextAsync())
        {
            await legacy.Database.EnsureCreatedAsync();
            legacy.Sequences.Add(new Sequence { Name = "legacy", Value = 7 });
            await legacy.SaveChangesAsync();
        }

        await SqlitePlatformDatabase.EnsureSchemaAsync(Factory);

        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(7, (await db.Sequences.SingleAsync(s => s.Name == "legacy")).Value);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
