using System.Globalization;

namespace GigaEvo.Core.MachineLearning;

/// <summary>
/// Turns a CSV and a task into a GigaEvo problem directory (data, spec, metrics, task description,
/// context, validator, baseline and strong initial programs). Written into a temporary sibling folder
/// and moved into place at the end, so a refused dataset or a failure leaves nothing behind.
/// </summary>
public static class MlProblemGenerator
{
    public sealed record Result(string Directory, MlSpec Spec, DatasetProfile Profile);

    public static Result Generate(string csvPath, MlTaskOptions options, string outDirectory)
    {
        CheckOptions(options);
        var table = CsvTable.Read(csvPath, options.MaxFileMb);
        var profile = DatasetProfiler.Profile(table, options, Path.GetFileName(csvPath));
        var metrics = MetricCatalog.For(options.Task, profile);
        var metric = options.Metric ?? MetricCatalog.DefaultMetric(options.Task);
        if (metrics.All(m => m.Name != metric))
        {
            throw new DatasetException($"metric '{metric}' does not apply to {options.Task}; choose one of {string.Join(", ", metrics.Select(m => m.Name))}");
        }
        var target = Path.GetFullPath(outDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new DatasetException($"output directory '{target}' exists and is not empty");
        }
        var spec = new MlSpec
        {
            Task = options.Task,
            Target = options.Task == MlTasks.Clustering ? null : options.Target,
            Metric = metric,
            Columns = [.. profile.Columns.Where(c => c.Name != options.Target).Select(c => new MlSpecColumn(c.Name, c.Kind.ToString().ToLowerInvariant()))],
            Seed = options.Seed,
            TestSize = options.TestSize,
            HoldoutSize = options.HoldoutSize,
            CvFolds = options.CvFolds,
            NClusters = options.Clusters,
            RowLimit = options.RowLimit,
            TimeLimitSeconds = options.TimeLimitSeconds,
            Classes = profile.ClassCounts?.Keys.ToList(),
        };
        var name = options.Name ?? Path.GetFileNameWithoutExtension(csvPath);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, "initial_programs"));
            File.Copy(csvPath, Path.Combine(staging, spec.DataFile));
            File.WriteAllText(Path.Combine(staging, MlSpec.FileName), spec.ToJson());
            File.WriteAllText(Path.Combine(staging, "metrics.yaml"), MetricsYaml(metrics, metric, options));
            File.WriteAllText(Path.Combine(staging, "task_description.txt"), MlTaskDescription.Write(name, spec, profile, metrics.First(m => m.Name == metric)));
            foreach (var file in new[] { "helper.py", "context.py", "validate.py" })
            {
                File.WriteAllText(Path.Combine(staging, file), MlTemplateFiles.Get(file));
            }
            foreach (var kind in new[] { "baseline", "strong" })
            {
                File.WriteAllText(Path.Combine(staging, "initial_programs", kind + ".py"), MlTemplateFiles.Get($"programs/{options.Task}_{kind}.py"));
            }
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        return new Result(target, spec, profile);
    }

    private static void CheckOptions(MlTaskOptions o)
    {
        var errors = new List<string>();
        if (o.TestSize is <= 0.05 or > 0.5)
        {
            errors.Add($"test_size={o.TestSize.ToString(CultureInfo.InvariantCulture)} must be in (0.05, 0.5]");
        }
        if (o.HoldoutSize is < 0.05 or > 0.5)
        {
            errors.Add($"holdout_size={o.HoldoutSize.ToString(CultureInfo.InvariantCulture)} must be in [0.05, 0.5]");
        }
        if (o.CvFolds is 1 or < 0 or > 20)
        {
            errors.Add($"cv_folds={o.CvFolds} must be 0 (one split) or 2..20");
        }
        if (o.TimeLimitSeconds <= 0)
        {
            errors.Add("time_limit must be positive (seconds)");
        }
        if (o.RowLimit is < DatasetProfiler.MinimumRows)
        {
            errors.Add($"row_limit={o.RowLimit} must be at least {DatasetProfiler.MinimumRows}");
        }
        if (errors.Count > 0)
        {
            throw new DatasetException(string.Join("; ", errors));
        }
    }

    private static string MetricsYaml(IReadOnlyList<MlMetric> metrics, string primary, MlTaskOptions options)
    {
        var yaml = new System.Text.StringBuilder("specs:\n");
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        foreach (var m in metrics)
        {
            var sentinel = m.HigherIsBetter ? m.Lower - Math.Max(1, Math.Abs(m.Lower)) : m.Upper * 2 + 1;
            yaml.Append(CultureInfo.InvariantCulture, $"  {m.Name}:\n    description: \"{m.Description}\"\n    decimals: 5\n    is_primary: {(m.Name == primary ? "true" : "false")}\n")
                .Append(CultureInfo.InvariantCulture, $"    higher_is_better: {(m.HigherIsBetter ? "true" : "false")}\n    lower_bound: {F(m.Lower)}\n    upper_bound: {F(m.Upper)}\n    sentinel_value: {F(sentinel)}\n")
                .Append(m.Unit is null ? "" : $"    unit: \"{m.Unit}\"\n");
        }
        yaml.Append(CultureInfo.InvariantCulture, $"  fit_seconds:\n    description: \"time to fit the pipeline during validation\"\n    decimals: 3\n    is_primary: false\n    higher_is_better: false\n    unit: \"s\"\n    lower_bound: 0\n    upper_bound: {F(options.TimeLimitSeconds * 10)}\n    sentinel_value: {F(options.TimeLimitSeconds * 20)}\n");
        yaml.Append("  is_valid:\n    description: \"1 when the predictions are well-formed (and, for clustering, use the requested number of clusters)\"\n    decimals: 0\n    is_primary: false\n    higher_is_better: true\n    lower_bound: 0\n    upper_bound: 1\n");
        return yaml.ToString();
    }
}
