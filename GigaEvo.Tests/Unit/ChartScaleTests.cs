using GigaEvo.Web.ViewModels;

namespace GigaEvo.Tests.Unit;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(new[] { 0.86, 0.93 }, 100, 2)]       // range 0.07 → step 0.02 drawn as 2 per 100
    [InlineData(new[] { 0.0, 1.0 }, 10, 2)]          // step 0.2
    [InlineData(new[] { 57.9, 59.7 }, 10, 5)]        // rmse: step 0.5
    [InlineData(new[] { 10.0, 500.0 }, 0.1, 10)]     // step 100
    [InlineData(new[] { 0.5, 0.5 }, 100, 1)]         // flat: a band of 10 % → step 0.01
    public void For_PicksAWholeTickOverScaledValues(double[] values, double factor, int tick)
    {
        var scale = ChartScale.For(values);
        Assert.Equal(factor, scale.Factor, 9);
        Assert.Equal(tick, scale.Tick);
    }

    [Fact]
    public void Label_PrintsTheTrueValue_AndEmptyOrNonFiniteDataFallsBack()
    {
        var scale = ChartScale.For([0.86, 0.93]);
        Assert.Equal("0.93", scale.Label(scale.Apply([0.93])[0]));
        Assert.Equal(new ChartScale(1, 1), ChartScale.For([]));
        Assert.Equal(new ChartScale(1, 1), ChartScale.For([double.NaN]));
    }

    [Fact]
    public void Labels_AllWhileFew_ThinnedWhenMany_LastAlwaysShown()
    {
        Assert.Equal(["0", "1", "2"], ChartScale.Labels([0, 1, 2]));
        var many = ChartScale.Labels([.. Enumerable.Range(0, 201)]);
        Assert.Equal(201, many.Length);
        Assert.InRange(many.Count(l => l.Length > 0), 10, 16);
        Assert.Equal("0", many[0]);
        Assert.Equal("200", many[^1]);
    }
}
