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

    /// <summary>
    /// The x labels for <paramref name="generations"/>: every one while few, else every k-th (the last always) so
    /// that 200 generations do not print 200 overlapping numbers.
    /// </summary>
    public static string[] Labels(IReadOnlyList<int> generations, int most = 15)
    {
        var step = Math.Max(1, (int)Math.Ceiling(generations.Count / (double)most));
        var last = generations.Count - 1;
        bool Shown(int i) => i == last || (i % step == 0 && last - i >= (step + 1) / 2); // none crowding the last
        return [.. generations.Select((g, i) => Shown(i) ? g.ToString(CultureInfo.InvariantCulture) : "")];
    }
}
