using System.Globalization;

namespace GigaEvo.Web.ViewModels;

/// <summary>
/// A readable vertical axis for metric charts. MudBlazor spaces ticks by a whole number (20 by default), which
/// flattens an f1 of 0.93 against an axis running to 20; so the values are drawn multiplied by <see cref="Factor"/>
/// with a whole 1-2-5 <see cref="Tick"/> giving about five ticks over the data's range, and <see cref="Label"/>
/// prints the true value. A flat series still gets a band around it.
/// </summary>
public sealed record ChartScale(double Factor, int Tick)
{
    public static ChartScale For(IEnumerable<double> values, int ticks = 5)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return new ChartScale(1, 1);
        }
        var range = finite.Max() - finite.Min();
        if (range <= 0)
        {
            range = Math.Abs(finite[0]) > 0 ? Math.Abs(finite[0]) * 0.1 : 1;
        }
        var raw = range / Math.Max(1, ticks);
        var exponent = (int)Math.Floor(Math.Log10(raw));
        var fraction = raw / Math.Pow(10, exponent);
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return new ChartScale(Math.Pow(10, -exponent), nice);
    }

    public double[] Apply(double[] values) => [.. values.Select(v => v * Factor)];

    public string Label(double scaled) => (scaled / Factor).ToString("0.#####", CultureInfo.InvariantCulture);
}
