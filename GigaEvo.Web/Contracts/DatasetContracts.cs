using GigaEvo.Core.Experiments;

namespace GigaEvo.Web.Contracts;

public sealed record ColumnDto(string Name, string Kind, int Missing, int Distinct);

public sealed record DatasetPreviewDto(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A stored dataset: its columns (with inferred kinds), size, and the first rows when asked for.</summary>
public sealed record DatasetDto(string Id, string FileName, int Rows, long SizeBytes, IReadOnlyList<ColumnDto> Columns, DateTimeOffset CreatedAt, DatasetPreviewDto? Preview)
{
    public static DatasetDto From(Dataset d, DatasetPreviewDto? preview = null) => new(d.Id, d.FileName, d.Rows, d.SizeBytes,
        [.. d.Columns.Select(c => new ColumnDto(c.Name, c.Kind.ToString().ToLowerInvariant(), c.Missing, c.Distinct))], d.CreatedAt, preview);

    public static DatasetDto From(DatasetPreview p) => From(p.Dataset, new DatasetPreviewDto(p.Header, p.Rows));
}

/// <summary>The multipart form of an upload, for the OpenAPI document: the file in a <c>file</c> field.</summary>
public sealed record FileUploadForm(IFormFile File);
