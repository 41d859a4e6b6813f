using GigaEvo.Core.Artifacts;
using GigaEvo.Core.MachineLearning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>A dataset with its first rows, as the create page and the upload response show it.</summary>
public sealed record DatasetPreview(Dataset Dataset, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Stores uploaded CSV files, profiles their columns and refuses unreadable ones with the reason.</summary>
public sealed class DatasetService(IDbContextFactory<PlatformDbContext> dbFactory, IArtifactStore artifacts, IOptions<PlatformOptions> options, TimeProvider time)
{
    public const int PreviewRows = 10;

    public async Task<DatasetPreview> UploadAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        var name = SafeFileName(fileName);
        if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw FieldValidationException.For("file", $"'{fileName}' is not a .csv file; upload a CSV with a header row");
        }
        var id = "DS-" + Guid.NewGuid().ToString("N")[..12];
        var key = ArtifactKeys.Dataset(id, name);
        await artifacts.SaveAsync(key, content, ct);
        var path = artifacts.LocalPath(key);
        var limit = options.Value.MaxUploadMb;
        if (new FileInfo(path).Length > (long)limit * 1024 * 1024)
        {
            await artifacts.DeleteAsync($"datasets/{id}", ct);
            throw new TooLargeException($"{name} is over the upload limit of {limit} MiB (Platform:MaxUploadMb)");
        }
        CsvTable table;
        try
        {
            table = CsvTable.Read(path, limit);
        }
        catch (DatasetException e)
        {
            await artifacts.DeleteAsync($"datasets/{id}", ct);
            throw FieldValidationException.For("file", e.Message);
        }
        var dataset = new Dataset
        {
            Id = id,
            FileName = name,
            Key = key,
            Rows = table.Rows.Count,
            SizeBytes = new FileInfo(path).Length,
            Columns = [.. DatasetProfiler.Columns(table).Select(c => new DatasetColumn(c.Name, c.Kind, c.Missing, c.Distinct))],
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Datasets.Add(dataset);
        db.Audit(dataset.CreatedAt, "dataset.upload", id, $"{name}: {dataset.Rows} rows, {dataset.Columns.Count} columns");
        await db.SaveChangesAsync(ct);
        return Preview(dataset, table);
    }

    public async Task<Dataset> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("dataset", id);
    }

    public async Task<IReadOnlyList<Dataset>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Datasets.AsNoTracking().OrderByDescending(d => d.CreatedAt).ToListAsync(ct);
    }

    public async Task<DatasetPreview> PreviewAsync(string id, CancellationToken ct = default)
    {
        var dataset = await GetAsync(id, ct);
        return Preview(dataset, CsvTable.Read(LocalPath(dataset), options.Value.MaxUploadMb));
    }

    public string LocalPath(Dataset dataset) => artifacts.LocalPath(dataset.Key);

    private static DatasetPreview Preview(Dataset dataset, CsvTable table) =>
        new(dataset, table.Header, [.. table.Rows.Take(PreviewRows).Select(r => (IReadOnlyList<string>)r)]);

    /// <summary>
    /// The file's own name without folders or characters that would trouble a path or a configuration value:
    /// letters and digits of any script stay (NFC-composed), as do <c>. - _</c>; anything else (spaces, separators,
    /// control and format characters, quotes, shell metacharacters) becomes <c>_</c>.
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Normalize(System.Text.NormalizationForm.FormC);
        var clean = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return clean.Length == 0 ? "dataset.csv" : clean;
    }
}
