namespace GigaEvo.Core.MachineLearning;

/// <summary>A ready experiment on one of scikit-learn's bundled datasets (no download needed).</summary>
public sealed record MlTemplate(string Name, string Title, string Description, string Dataset, MlTaskOptions Options);

public static class MlTemplateCatalog
{
    public static IReadOnlyList<MlTemplate> All { get; } =
    [
        new("iris", "Iris species", "150 flowers, 4 measurements, 3 species; macro F1.", "iris",
            new MlTaskOptions { Task = MlTasks.Classification, Target = "species", Metric = "f1_macro", Name = "iris" }),
        new("wine", "Wine cultivar", "178 wines, 13 chemical measurements, 3 cultivars; accuracy.", "wine",
            new MlTaskOptions { Task = MlTasks.Classification, Target = "cultivar", Metric = "accuracy", Name = "wine" }),
        new("breast_cancer", "Breast cancer diagnosis", "569 tumours, 30 features, malignant or benign; ROC AUC.", "breast_cancer",
            new MlTaskOptions { Task = MlTasks.Classification, Target = "diagnosis", Metric = "roc_auc", Name = "breast_cancer" }),
        new("diabetes", "Diabetes progression", "442 patients, 10 baseline variables, disease progression after a year; RMSE (lower is better).", "diabetes",
            new MlTaskOptions { Task = MlTasks.Regression, Target = "progression", Metric = "rmse", Name = "diabetes" }),
        new("digits", "Handwritten digits", "1797 8×8 images of digits 0–9; accuracy.", "digits",
            new MlTaskOptions { Task = MlTasks.Classification, Target = "digit", Metric = "accuracy", Name = "digits" }),
        new("wine_clusters", "Wine clustering", "The 178 wines without labels, grouped into 3 clusters; silhouette.", "wine",
            new MlTaskOptions { Task = MlTasks.Clustering, Metric = "silhouette", Clusters = 3, Name = "wine_clusters" }),
    ];

    public static MlTemplate? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
