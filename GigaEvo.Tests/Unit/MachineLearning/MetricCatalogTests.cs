using GigaEvo.Core.MachineLearning;

namespace GigaEvo.Tests.Unit.MachineLearning;

public sealed class MetricCatalogTests
{
    private static readonly DatasetProfile Profile = new() { Columns = [], Rows = 100, TargetName = "y", TargetSpread = 2.5 };

    [Theory]
    [InlineData("classification", "accuracy", true)]
    [InlineData("classification", "f1_macro", true)]
    [InlineData("classification", "roc_auc", true)]
    [InlineData("classification", "log_loss", false)]
    [InlineData("regression", "r2", true)]
    [InlineData("regression", "rmse", false)]
    [InlineData("regression", "mae", false)]
    [InlineData("clustering", "silhouette", true)]
    [InlineData("clustering", "davies_bouldin", false)]
    [InlineData("clustering", "calinski_harabasz", true)]
    public void For_EachMetric_HasTheRightDirection(string task, string metric, bool higherIsBetter)
    {
        var m = Assert.Single(MetricCatalog.For(task, Profile), x => x.Name == metric);
        Assert.Equal(higherIsBetter, m.HigherIsBetter);
        Assert.True(m.Lower < m.Upper);
    }

    [Fact]
    public void For_Regression_ErrorBoundsScaleWithTheTarget()
    {
        var rmse = MetricCatalog.For("regression", Profile).Single(m => m.Name == "rmse");
        Assert.Equal(25, rmse.Upper);
    }
}
