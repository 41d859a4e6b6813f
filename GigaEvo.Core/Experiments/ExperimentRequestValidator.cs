using GigaEvo.Core.MachineLearning;

namespace GigaEvo.Core.Experiments;

/// <summary>The checks that need no file or database: each bad field gets its own message.</summary>
public static class ExperimentRequestValidator
{
    /// <summary>Keys the platform sets itself from the request's fields or the experiment's folders.</summary>
    public static readonly IReadOnlyList<string> ReservedKeys =
        ["experiment", "problem.name", "problem.dir", "max_generations", "output.root", "output.run_dir", "mutation.operator", "model_name", "llm.base_url", "llm.api_key"];

    public static Dictionary<string, string[]> Validate(ExperimentRequest r, PlatformOptions options, IReadOnlyList<string> presets)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            Add("name", "Give the experiment a name.");
        }
        else if (r.Name.Length > 100)
        {
            Add("name", "Keep the name within 100 characters.");
        }
        else if (r.Name.Any(char.IsControl))
        {
            Add("name", "The name must not contain control characters (NUL, tab, newline, escape…).");
        }
        if (r.Description is { Length: > 2000 })
        {
            Add("description", "Keep the description within 2000 characters.");
        }
        else if (r.Description is { } description && description.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add("description", "The description must not contain control characters other than newlines and tabs (NUL, escape…).");
        }
        if (string.IsNullOrWhiteSpace(r.TaskType) || !TaskTypes.All.Contains(r.TaskType))
        {
            Add("taskType", $"Choose a task type: {string.Join(", ", TaskTypes.All)}.");
        }
        else if (r.TaskType == TaskTypes.Custom)
        {
            if (string.IsNullOrWhiteSpace(r.Problem) == string.IsNullOrWhiteSpace(r.ProblemUploadId))
            {
                Add("problem", "Choose one problem directory: an example of problems/ or an uploaded zip.");
            }
            // Dataset fields on a custom task would be ignored; refuse them so the caller knows.
            foreach (var (field, value) in new[] { ("datasetId", r.DatasetId), ("targetColumn", r.TargetColumn) })
            {
                if (value is not null)
                {
                    Add(field, $"{field} applies to dataset tasks ({string.Join(", ", MlTasks.All)}) only, not to the custom task; remove it.");
                }
            }
            if (r.Clusters is not null)
            {
                Add("clusters", "clusters applies to the clustering task only; remove it.");
            }
        }
        else
        {
            ValidateMl(r, Add);
        }
        if (r.Generations is { } g && (g < 1 || g > options.MaxGenerations))
        {
            Add("generations", $"Generations must be between 1 and {options.MaxGenerations}.");
        }
        var models = AllowedModels(options);
        if (r.Model is { } model && !models.Contains(model))
        {
            Add("model", $"Unknown model '{model}'; choose one of: {string.Join(", ", models)}.");
        }
        if (r.Preset is { } preset && !presets.Contains(preset))
        {
            Add("preset", $"Unknown preset '{preset}'; choose one of: {string.Join(", ", presets)}.");
        }
        if (r.Islands is < 1 or > 16)
        {
            Add("islands", "Islands must be between 1 and 16.");
        }
        if (r.Parallelism is < 1 or > 64)
        {
            Add("parallelism", "Parallelism must be between 1 and 64.");
        }
        if (r.Seed is < 0)
        {
            Add("seed", "The seed must be zero or positive.");
        }
        foreach (var item in r.Overrides ?? [])
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Add("overrides", $"'{item}' is not key=value.");
            }
            else if (ReservedKeys.Contains(item[..eq].Trim()))
            {
                Add("overrides", $"'{item[..eq].Trim()}' is set from the form's fields; remove it from the overrides.");
            }
        }
        return errors;
    }

    private static void ValidateMl(ExperimentRequest r, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(r.DatasetId))
        {
            add("datasetId", "Upload a CSV dataset (or pick a template) for this task.");
        }
        if (r.TaskType != MlTasks.Clustering && string.IsNullOrWhiteSpace(r.TargetColumn))
        {
            add("targetColumn", "Pick the column to predict.");
        }
        var metrics = MetricNames(r.TaskType!);
        if (r.Metric is { } metric && !metrics.Contains(metric))
        {
            add("metric", $"'{metric}' is not a {r.TaskType} metric; choose one of: {string.Join(", ", metrics)}.");
        }
        if (r.TaskType == MlTasks.Clustering && r.Clusters is < 2)
        {
            add("clusters", "Clustering needs at least 2 clusters.");
        }
        else if (r.TaskType != MlTasks.Clustering && r.Clusters is not null)
        {
            add("clusters", "clusters applies to the clustering task only; remove it.");
        }
        if (r.TaskType == MlTasks.Clustering && r.TargetColumn is not null)
        {
            add("targetColumn", "Clustering has no target column; remove it.");
        }
        if (!string.IsNullOrWhiteSpace(r.Problem) || !string.IsNullOrWhiteSpace(r.ProblemUploadId))
        {
            add("problem", "A problem directory goes with the custom task type only.");
        }
    }

    /// <summary>The task's metric names (bounds may depend on the data; the names do not).</summary>
    public static IReadOnlyList<string> MetricNames(string task) =>
        [.. MetricCatalog.For(task, new DatasetProfile { Columns = [], Rows = 0 }).Select(m => m.Name)];

    public static IReadOnlyList<string> AllowedModels(PlatformOptions options) => [Models.LocalOperator, .. options.Models];
}
