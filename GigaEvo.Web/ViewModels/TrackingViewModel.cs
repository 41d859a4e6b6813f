using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Web.ViewModels;

/// <summary>One point of the evolution chart (a null value: no valid program in that generation yet).</summary>
public sealed record ChartPoint(int Generation, double? Value);

/// <summary>A card of the tracking page.</summary>
public sealed record Card(string Title, string Value);

/// <summary>
/// The tracking page: cards, the evolution chart (best-so-far and per-generation mean of the primary metric)
/// growing with each generation event, and the most recent programs. Loaded once from the run folder, then
/// kept current by events only.
/// </summary>
public sealed class TrackingViewModel(ExperimentQueries queries, INotifier<ExperimentEvent> notifier) : ViewModelBase
{
    public const int RecentCount = 20;

    public ExperimentDto? Experiment { get; private set; }

    /// <summary>The experiments the picker offers (newest first).</summary>
    public IReadOnlyList<ExperimentDto> Choices { get; private set; } = [];

    /// <summary>Loads the picker's choices (and subscribes, so a page without a selection still follows events).</summary>
    public async Task LoadChoicesAsync()
    {
        if (!IsSubscribed)
        {
            Track(notifier.Subscribe(HandleAsync));
        }
        Choices = await ExperimentChoices.LoadAsync(queries);
        await NotifyAsync();
    }

    public IReadOnlyList<ChartPoint> BestSeries { get; private set; } = [];

    public IReadOnlyList<ChartPoint> MeanSeries { get; private set; } = [];

    public IReadOnlyList<ProgramDto> RecentPrograms { get; private set; } = [];

    /// <summary>The chart's x labels: the generations with a point.</summary>
    public IReadOnlyList<string> ChartLabels => ChartScale.Labels([.. BestSeries.Select(p => p.Generation)]);

    /// <summary>A series as a line chart draws it: a generation without a value repeats the previous one.</summary>
    public static double[] ChartValues(IReadOnlyList<ChartPoint> series)
    {
        var values = new double[series.Count];
        double? last = series.FirstOrDefault(p => p.Value is not null)?.Value;
        for (var i = 0; i < series.Count; i++)
        {
            last = series[i].Value ?? last;
            values[i] = last ?? 0;
        }
        return values;
    }

    /// <summary>Tokens are shown only when an LLM mutates.</summary>
    public bool ShowTokens => Experiment is { } e && UsesLlm(e);

    public IReadOnlyList<Card> Cards => Experiment is { } e ? CardsOf(e) : [];

    private static bool UsesLlm(ExperimentDto e) => e.Model != Models.LocalOperator;

    /// <summary>Best metric, best generation, generations done, programs (total/valid/invalid), and tokens when an LLM mutates.</summary>
    public static IReadOnlyList<Card> CardsOf(ExperimentDto e)
    {
        var r = e.Results;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return
        [
            new("Best " + r.Metric, Format(r.BestMetric)),
            new("Best generation", r.BestGeneration?.ToString(invariant) ?? "—"),
            new("Generations", $"{r.GenerationsDone} / {r.Generations}"),
            new("Programs", $"{r.ProgramsTotal} ({r.ProgramsValid} valid, {r.ProgramsInvalid} invalid)"),
            .. UsesLlm(e)
                ? [new Card("Tokens", r.Tokens.ToString("N0", invariant) + (r.Cost > 0 ? $" (cost {r.Cost.ToString("0.####", invariant)})" : ""))]
                : Array.Empty<Card>(),
        ];
    }

    public async Task LoadAsync(string id)
    {
        if (!IsSubscribed)
        {
            Track(notifier.Subscribe(HandleAsync));
        }
        var loaded = await RunAsync(async () =>
        {
            Experiment = ExperimentDto.From(await queries.GetAsync(id));
            var history = await queries.GenerationsAsync(id);
            BestSeries = [.. history.Select(h => new ChartPoint(h.Generation, h.BestFitness))];
            MeanSeries = [.. history.Select(h => new ChartPoint(h.Generation, h.MeanFitness))];
            await LoadProgramsAsync();
        });
        if (!loaded)
        {
            Experiment = null;
        }
    }

    /// <summary>Applies one live event (public so tests drive it without a running engine).</summary>
    public async Task HandleAsync(ExperimentEvent e)
    {
        if (e is StatusChanged)
        {
            Choices = await ExperimentChoices.LoadAsync(queries); // the picker shows each one's status
        }
        if (Experiment is null || e.ExperimentId != Experiment.Id)
        {
            if (e is StatusChanged)
            {
                await NotifyAsync();
            }
            return;
        }
        switch (e)
        {
            case GenerationSummary g:
                BestSeries = Upsert(BestSeries, new ChartPoint(g.Generation, g.BestSoFar));
                MeanSeries = Upsert(MeanSeries, new ChartPoint(g.Generation, g.Mean));
                Experiment = ExperimentDto.From(await queries.GetAsync(Experiment.Id));
                await LoadProgramsAsync();
                break;
            case StatusChanged s:
                Experiment = ExperimentDto.From(await queries.GetAsync(Experiment.Id));
                if (s.To == ExperimentStatus.Queued.ToKey() && Experiment.Results.GenerationsDone == 0)
                {
                    BestSeries = [];
                    MeanSeries = [];
                }
                break;
            default:
                return;
        }
        await NotifyAsync();
    }

    private async Task LoadProgramsAsync() =>
        RecentPrograms = [.. (await queries.ProgramsAsync(Experiment!.Id, null, 1, RecentCount)).Items.Select(ProgramDto.From)];

    private static List<ChartPoint> Upsert(IReadOnlyList<ChartPoint> series, ChartPoint point) =>
        [.. series.Where(p => p.Generation != point.Generation).Append(point).OrderBy(p => p.Generation)];

    public static string Format(double? value) => value is { } v ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
