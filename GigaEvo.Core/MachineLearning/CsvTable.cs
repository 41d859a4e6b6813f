using System.Text;

namespace GigaEvo.Core.MachineLearning;

/// <summary>A parsed CSV: header and rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF).</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and checks a CSV file; every refusal is a <see cref="DatasetException"/> with one clear reason.</summary>
    public static CsvTable Read(string path, int maxFileMb)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"dataset file '{path}' not found");
        }
        var length = new FileInfo(path).Length;
        if (length > (long)maxFileMb * 1024 * 1024)
        {
            throw new DatasetException($"{name} is {length / 1024.0 / 1024.0:F1} MiB, over the limit of {maxFileMb} MiB");
        }
        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new DatasetException($"{name} is not valid UTF-8 (bad byte at offset {e.Index}); save it as UTF-8");
        }
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DatasetException($"{name} is empty");
        }
        var records = Parse(text, name);
        var header = records[0];
        if (header.All(h => h.Length == 0 || double.TryParse(h, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            throw new DatasetException($"{name} has no header: its first row holds only numbers or blanks ({Preview(header)}); add a row of column names");
        }
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Trim().Length == 0)
            {
                throw new DatasetException($"{name}: column {i + 1} of the header has no name");
            }
        }
        var duplicate = header.Select((h, i) => (h, i)).GroupBy(x => x.h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DatasetException($"{name}: duplicate column name '{duplicate.Key}' (columns {string.Join(" and ", duplicate.Select(x => x.i + 1))})");
        }
        var rows = records.Skip(1).ToList();
        var bad = rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Length != header.Length);
        if (bad.r is not null)
        {
            var count = rows.Count(r => r.Length != header.Length);
            throw new DatasetException($"{name}: row {bad.i + 2} has {bad.r.Length} fields but the header has {header.Length} ({count} row(s) of unequal length)");
        }
        if (rows.Count == 0)
        {
            throw new DatasetException($"{name} has a header but no data rows");
        }
        return new CsvTable(header, rows);
    }

    private static string Preview(string[] fields) => string.Join(",", fields.Take(5)) + (fields.Length > 5 ? ",…" : "");

    private static List<string[]> Parse(string text, string name)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord(records, fields, field);
                    line++;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new DatasetException($"{name}: a quoted field opened before line {line} is never closed");
        }
        EndRecord(records, fields, field);
        return records;
    }

    private static void EndRecord(List<string[]> records, List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        field.Clear();
        // Blank lines (a trailing newline, spacing) are not records.
        if (!(fields.Count == 1 && fields[0].Trim().Length == 0))
        {
            records.Add([.. fields]);
        }
        fields.Clear();
    }
}
