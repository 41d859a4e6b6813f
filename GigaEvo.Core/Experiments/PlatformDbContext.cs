using System.Text.Json;
using GigaEvo.Core.Runners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// The platform's database: experiments and their history, datasets, runner registry, audit log.
/// One model for every provider; the provider (SQLite now) is chosen in <c>Infrastructure/</c>.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RunnerInstance> Runners => Set<RunnerInstance>();
    public DbSet<Sequence> Sequences => Set<Sequence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Experiment>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<string>().IsConcurrencyToken();
            e.ComplexProperty(x => x.Summary);
            e.HasMany(x => x.History).WithOne().HasForeignKey(h => h.ExperimentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.CreatedAt);
        });
        modelBuilder.Entity<StatusChange>(e =>
        {
            e.Property(x => x.From).HasConversion<string>();
            e.Property(x => x.To).HasConversion<string>();
        });
        modelBuilder.Entity<Dataset>(e => e.Property(x => x.Columns).HasConversion(ColumnsConverter, ColumnsComparer));
        modelBuilder.Entity<RunnerInstance>(e => e.Property(x => x.Status).HasConversion<string>());
        modelBuilder.Entity<Sequence>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Value).IsConcurrencyToken();
        });
        if (Database.IsSqlite())
        {
            UseSortableTimes(modelBuilder);
        }
    }

    /// <summary>SQLite cannot compare or order DateTimeOffset values; every time here is UTC, so ticks sort.</summary>
    private static void UseSortableTimes(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
        {
            property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
        }
    }

    private static readonly ValueConverter<List<DatasetColumn>, string> ColumnsConverter = new(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
        v => JsonSerializer.Deserialize<List<DatasetColumn>>(v, JsonSerializerOptions.Default) ?? new List<DatasetColumn>());

    private static readonly ValueComparer<List<DatasetColumn>> ColumnsComparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c)),
        v => v.ToList());
}
