using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Web.ViewModels;

/// <summary>The results page: the best program so far (live), its metrics, hold-out metrics and lineage, and the archive link.</summary>
public sealed class ResultsViewModel(ExperimentQueries queries, ExperimentResults results, INotifier<ExperimentEvent> notifier) : ViewModelBase
{
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

    /// <summary>Null while no valid program exists (the page says so; the Download button is disabled).</summary>
    public BestProgramDto? Best { get; private set; }

    public bool CanDownload => Best is not null;

    /// <summary>The zip of the best program (GET, served as a file download).</summary>
    public string ArchiveUrl => Experiment is null ? "" : $"/api/v1/experiments/{Uri.EscapeDataString(Experiment.Id)}/archive";

    public async Task LoadAsync(string id)
    {
        if (!IsSubscribed)
        {
            Track(notifier.Subscribe(HandleAsync));
        }
        if (!await RunAsync(() => ReloadAsync(id)))
        {
            Experiment = null;
            Best = null;
        }
    }

    public async Task HandleAsync(ExperimentEvent e)
    {
        if (e is StatusChanged)
        {
            Choices = await ExperimentChoices.LoadAsync(queries); // the picker shows each one's status
        }
        if (Experiment is null || e.ExperimentId != Experiment.Id || e is not (NewBestProgram or StatusChanged))
        {
            if (e is StatusChanged)
            {
                await NotifyAsync();
            }
            return;
        }
        await ReloadAsync(Experiment.Id);
        await NotifyAsync();
    }

    private async Task ReloadAsync(string id)
    {
        Experiment = ExperimentDto.From(await queries.GetAsync(id));
        Best = await results.BestAsync(id) is { } best ? BestProgramDto.From(best) : null;
    }
}
