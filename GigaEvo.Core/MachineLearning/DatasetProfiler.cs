using System.Globalization;

namespace GigaEvo.Core.MachineLearning;

/// <summary>Infers column kinds and checks that the table can carry the requested task.</summary>
public static class DatasetProfiler
{
    /// <summary>The cells counted as missing; the generated helper.py uses the same list (NA_STRINGS).</summary>
    private static readonly HashSet<string> MissingTokens = ["", "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None", "none", "#N/A", "?"];

    private static readonly HashSet<string> BooleanTokens = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "yes", "no", "t", "f", "y", "n", "on", "off" };

    public const int MinimumRows = 20;

    public static DatasetProfile Profile(CsvTable table, MlTaskOptions options, string fileName)
    {
        var profile = new DatasetProfile { Columns = Columns(table), Rows = table.Rows.Count };
        if (!MlTasks.All.Contains(options.Task))
        {
            throw new DatasetException($"unknown task '{options.Task}'; choose one of {string.Join(", ", MlTasks.All)}");
        }
        var rows = Math.Min(table.Rows.Count, options.RowLimit ?? int.MaxValue);
        if (rows < MinimumRows)
        {
            throw new DatasetException($"{fileName} has only {rows} usable rows; at least {MinimumRows} are needed for the train/validation/hold-out split");
        }
        if (options.Task == MlTasks.Clustering)
        {
            return Clustering(profile, options, fileName, rows);
        }
        if (string.IsNullOrWhiteSpace(options.Target))
        {
            throw new DatasetException($"{options.Task} needs a target column: pass target=NAME (columns: {string.Join(", ", table.Header)})");
        }
        var index = table.Header.ToList().IndexOf(options.Target);
        if (index < 0)
        {
            throw new DatasetException($"target column '{options.Target}' not found in {fileName}; columns: {string.Join(", ", table.Header)}");
        }
        if (table.Header.Count < 2)
        {
            throw new DatasetException($"{fileName} has no feature columns besides the target '{options.Target}'");
        }
        var values = table.Rows.Select(r => r[index].Trim()).ToList();
        var missing = values.Count(MissingTokens.Contains);
        if (missing > 0)
        {
            throw new DatasetException($"target column '{options.Target}' is empty in {missing} row(s) (first: row {values.FindIndex(MissingTokens.Contains) + 2}); remove or fill those rows");
        }
        var distinct = values.Distinct().ToList();
        if (options.Task == MlTasks.Regression)
        {
            var bad = values.FindIndex(v => !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (bad >= 0)
            {
                throw new DatasetException($"target column '{options.Target}' is not numeric (row {bad + 2} holds '{values[bad]}'): regression needs numbers; use task=classification for labels");
            }
            if (distinct.Count == 1)
            {
                throw new DatasetException($"target column '{options.Target}' is constant ({distinct[0]} in every row): there is nothing to learn");
            }
            var numbers = values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
            var mean = numbers.Average();
            return profile with { TargetName = options.Target, TargetSpread = Math.Sqrt(numbers.Sum(x => (x - mean) * (x - mean)) / numbers.Count) };
        }
        if (distinct.Count == 1)
        {
            throw new DatasetException($"target column '{options.Target}' has one class only ('{distinct[0]}'): classification needs at least two");
        }
        var counts = values.GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count > Math.Max(50, rows / 2))
        {
            throw new DatasetException($"target column '{options.Target}' has {counts.Count} distinct values in {rows} rows: that looks like a regression target or an id, not classes");
        }
        return profile with { TargetName = options.Target, ClassCounts = counts };
    }

    /// <summary>Each column's inferred kind and counts, whatever the task (for dataset previews).</summary>
    public static IReadOnlyList<ColumnProfile> Columns(CsvTable table) =>
        [.. table.Header.Select((name, i) => Column(name, table.Rows.Select(r => r[i]).ToList()))];

    private static DatasetProfile Clustering(DatasetProfile profile, MlTaskOptions options, string fileName, int rows)
    {
        if (options.Clusters is not { } k || k < 2)
        {
            throw new DatasetException("clustering needs the number of clusters: pass clusters=K with K ≥ 2");
        }
        if (k >= rows)
        {
            throw new DatasetException($"clusters={k} is not below the {rows} rows of {fileName}");
        }
        if (options.Target is { } target && profile.Find(target) is null)
        {
            throw new DatasetException($"column '{target}' (to leave out of clustering) not found in {fileName}");
        }
        return profile with { TargetName = options.Target };
    }

    private static ColumnProfile Column(string name, List<string> raw)
    {
        var present = raw.Select(v => v.Trim()).Where(v => !MissingTokens.Contains(v)).ToList();
        var missing = raw.Count - present.Count;
        var distinct = present.Distinct().Count();
        var numbers = present.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null).ToList();
        if (present.Count > 0 && numbers.All(n => n.HasValue))
        {
            var values = numbers.Select(n => n!.Value).ToList();
            return new ColumnProfile(name, ColumnKind.Numeric, missing, distinct, values.Min(), values.Max(), values.Average());
        }
        var kind = present.Count > 0 && present.All(BooleanTokens.Contains) ? ColumnKind.Boolean
            : distinct <= Math.Max(20, raw.Count / 20) ? ColumnKind.Categorical
            : ColumnKind.Text;
        return new ColumnProfile(name, kind, missing, distinct, null, null, null);
    }
}
