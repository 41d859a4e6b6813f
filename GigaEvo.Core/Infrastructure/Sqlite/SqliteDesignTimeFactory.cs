using GigaEvo.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GigaEvo.Core.Infrastructure.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --project GigaEvo.Core --output-dir Infrastructure/Sqlite/Migrations</c>
/// build the SQLite model without the web host. Not used at run time.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "gigaevo-design-time.db")}")
            .Options);
}
