namespace GigaEvo.Core.MachineLearning;

/// <summary>One metric the user can pick: its direction and bounds (bounds may depend on the data).</summary>
public sealed record MlMetric(string Name, string Description, bool HigherIsBetter, double Lower, double Upper, string? Unit = null);

/// <summary>The metrics of each task, as validate.py computes them (names must match).</summary>
public static class MetricCatalog
{
    public static IReadOnlyList<MlMetric> For(string task, DatasetProfile profile) => task switch
    {
        MlTasks.Classification =>
        [
            new("accuracy", "share of correctly predicted validation rows", true, 0, 1),
            new("f1_macro", "F1 score averaged over classes (each class counts the same)", true, 0, 1),
            new("roc_auc", "area under the ROC curve (binary; one-vs-rest macro for several classes)", true, 0, 1),
            new("log_loss", "cross-entropy of the predicted probabilities (lower is better)", false, 0, 10),
        ],
        MlTasks.Regression => RegressionMetrics(profile),
        MlTasks.Clustering =>
        [
            new("silhouette", "mean silhouette coefficient of the clusters", true, -1, 1),
            new("davies_bouldin", "Davies–Bouldin index (lower is better)", false, 0, 50),
            new("calinski_harabasz", "Calinski–Harabasz score (between/within dispersion)", true, 0, 1e6),
        ],
        _ => throw new ArgumentException($"unknown task '{task}' (use {string.Join(", ", MlTasks.All)})"),
    };

    /// <summary>RMSE and MAE bounds scale with the target: predicting the mean scores about its spread.</summary>
    private static IReadOnlyList<MlMetric> RegressionMetrics(DatasetProfile profile)
    {
        var spread = Math.Max(profile.TargetSpread ?? 1, 1e-9);
        var upper = Math.Round(spread * 10, 6, MidpointRounding.AwayFromZero);
        return
        [
            new("r2", "coefficient of determination on the validation rows", true, -1, 1),
            new("rmse", "root mean squared error (lower is better)", false, 0, upper, profile.TargetName),
            new("mae", "mean absolute error (lower is better)", false, 0, upper, profile.TargetName),
        ];
    }

    public static string DefaultMetric(string task) => task switch
    {
        MlTasks.Classification => "f1_macro",
        MlTasks.Regression => "rmse",
        _ => "silhouette",
    };
}
