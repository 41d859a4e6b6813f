using GigaEvo.Core.MachineLearning;

namespace GigaEvo.Tests.Integration.MachineLearning;

public sealed class GeneratedProblemTests(MlFixture ml) : IClassFixture<MlFixture>
{
    [Theory]
    [InlineData("iris", "f1_macro", true)]
    [InlineData("wine", "accuracy", true)]
    [InlineData("breast_cancer", "roc_auc", true)]
    [InlineData("diabetes", "rmse", false)]
    [InlineData("digits", "accuracy", true)]
    [InlineData("wine_clusters", "silhouette", true)]
    public async Task Template_GeneratesALoadableProblemWhoseProgramsScoreOnRealData(string template, string metric, bool higherIsBetter)
    {
        var problem = await ml.TemplateProblemAsync(template);
        Assert.Equal(metric, problem.Primary.Name);
        Assert.Equal(higherIsBetter, problem.Primary.HigherIsBetter);
        Assert.True(problem.HasHoldoutContext);
        Assert.Equal(["baseline", "strong"], problem.InitialPrograms.Select(p => p.Name));
        foreach (var program in problem.InitialPrograms)
        {
            Assert.Contains("EVOLVE-BLOCK-START", program.Code);
            var search = await ml.EvaluateAsync(problem, program.Code);
            var holdout = await ml.EvaluateAsync(problem, program.Code, holdout: true);
            Assert.InRange(search.Values[metric], problem.Primary.LowerBound!.Value, problem.Primary.UpperBound!.Value);
            Assert.InRange(holdout.Values[metric], problem.Primary.LowerBound!.Value, problem.Primary.UpperBound!.Value);
            Assert.True(search.Values["fit_seconds"] >= 0);
        }
        var description = File.ReadAllText(Path.Combine(problem.Directory, "task_description.txt"));
        Assert.Contains(metric, description);
        Assert.Contains("Columns", description);
    }

    [Theory]
    [InlineData("classification", "accuracy")]
    [InlineData("classification", "f1_macro")]
    [InlineData("classification", "roc_auc")]
    [InlineData("classification", "log_loss")]
    [InlineData("regression", "r2")]
    [InlineData("regression", "rmse")]
    [InlineData("regression", "mae")]
    [InlineData("clustering", "silhouette")]
    [InlineData("clustering", "davies_bouldin")]
    [InlineData("clustering", "calinski_harabasz")]
    public async Task Generate_EachTaskAndMetric_BaselineScoresWithTheChosenPrimary(string task, string metric)
    {
        var csv = Path.Combine(ml.Root, $"mixed_{task}_{metric}.csv");
        await File.WriteAllTextAsync(csv, MixedDataset(task));
        var dir = Path.Combine(ml.Root, $"gen_{task}_{metric}");
        MlProblemGenerator.Generate(csv, new MlTaskOptions
        {
            Task = task,
            Target = task == "clustering" ? null : "y",
            Metric = metric,
            Clusters = task == "clustering" ? 3 : null,
            CvFolds = metric == "f1_macro" ? 3 : 0,
        }, dir);
        var problem = await ml.Loader.LoadAsync(dir);
        Assert.Equal(metric, problem.Primary.Name);
        var metrics = await ml.EvaluateAsync(problem, problem.InitialPrograms[0].Code);
        Assert.True(double.IsFinite(metrics.Values[metric]));
    }

    /// <summary>120 rows with numeric, categorical and boolean features, and missing values.</summary>
    private static string MixedDataset(string task)
    {
        var rng = new Random(5);
        var lines = new List<string> { "x1,x2,colour,flag,y" };
        for (var i = 0; i < 120; i++)
        {
            var x1 = rng.NextDouble() * 10;
            var x2 = i % 13 == 0 ? "" : (rng.NextDouble() * 5).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            var colour = new[] { "red", "green", "blue", "" }[i % 4];
            var flag = i % 3 == 0 ? "true" : "false";
            var y = task == "regression"
                ? (x1 * 2 + rng.NextDouble()).ToString("F3", System.Globalization.CultureInfo.InvariantCulture)
                : (x1 > 6.6 ? "high" : x1 > 3.3 ? "mid" : "low");
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x1:F3},{x2},{colour},{flag},{y}"));
        }
        return string.Join("\n", lines) + "\n";
    }
}
