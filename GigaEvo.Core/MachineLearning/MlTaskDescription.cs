using System.Globalization;
using System.Text;

namespace GigaEvo.Core.MachineLearning;

/// <summary>The task description an LLM (and a human) reads: goal, metric, contract and the data's schema.</summary>
public static class MlTaskDescription
{
    public static string Write(string name, MlSpec spec, DatasetProfile profile, MlMetric metric)
    {
        var text = new StringBuilder();
        var direction = metric.HigherIsBetter ? "higher is better" : "lower is better";
        text.AppendLine(CultureInfo.InvariantCulture, $"Dataset '{name}': {profile.Rows} rows, {spec.Columns.Count} feature columns. Task: {spec.Task}.");
        text.AppendLine(spec.Task == MlTasks.Clustering
            ? $"Goal: group the rows into exactly {spec.NClusters} clusters, maximising cluster quality measured by {metric.Name} ({metric.Description}; {direction})."
            : $"Goal: predict the column '{spec.Target}' as well as possible, measured by {metric.Name} ({metric.Description}; {direction}) on validation rows the program never sees.");
        text.AppendLine();
        text.AppendLine("Contract: define entrypoint(context) returning an UNFITTED scikit-learn estimator (usually a Pipeline: feature engineering then a model).");
        text.AppendLine("context holds X_train (pandas DataFrame of feature columns), y_train (Series; None for clustering), numeric_columns, categorical_columns, task, n_clusters and seed.");
        text.AppendLine("The validator clones the estimator, fits it on the training rows and scores it on held-back rows; missing values are NaN (numeric) or \"__missing__\" (categorical).");
        text.AppendLine("Use random_state=context['seed'] and n_jobs=1; do not read or write files. Improve feature engineering and the model inside the EVOLVE-BLOCK.");
        text.AppendLine();
        text.AppendLine("Columns (name: type, missing, distinct, range):");
        foreach (var column in profile.Columns.Where(c => c.Name != spec.Target))
        {
            var range = column.Min is { } lo ? string.Create(CultureInfo.InvariantCulture, $", range {lo:G6}..{column.Max:G6}, mean {column.Mean:G6}") : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {column.Name}: {column.Kind.ToString().ToLowerInvariant()}, {column.Missing} missing, {column.Distinct} distinct{range}");
        }
        if (profile.ClassCounts is { } classes)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"Target '{spec.Target}' classes: ").AppendLine(string.Join(", ", classes.Select(c => $"{c.Key} ({c.Value})")));
        }
        else if (profile.TargetSpread is { } spread)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Target '{spec.Target}': numeric, standard deviation {spread:G6}.");
        }
        return text.ToString();
    }
}
