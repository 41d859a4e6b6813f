using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Web.ViewModels;

/// <summary>
/// The experiments table: filter by status (the page keeps it in the URL), the actions, and rows that follow
/// live events (a row is re-read when its experiment changes; nothing polls).
/// </summary>
public sealed class ExperimentsViewModel(ExperimentQueries queries, ExperimentLifecycle lifecycle, INotifier<ExperimentEvent> notifier) : ViewModelBase
{
    public const int PageSize = 50;

    /// <summary>The filter choices: every status key (null means all).</summary>
    public static IReadOnlyList<string> StatusFilters { get; } = [.. ExperimentStatuses.All.Select(s => s.ToKey())];

    public string? StatusFilter { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<ExperimentDto> Items { get; private set; } = [];

    /// <summary>Loads the page for <paramref name="statusFilter"/> (from the URL; an unknown value shows all and says so).</summary>
    public async Task LoadAsync(string? statusFilter, int page = 1)
    {
        Error = null;
        StatusFilter = null;
        if (!string.IsNullOrEmpty(statusFilter))
        {
            if (ExperimentStatuses.TryParse(statusFilter, out var parsed))
            {
                StatusFilter = parsed.ToKey();
            }
            else
            {
                Error = $"Unknown status '{statusFilter}'; showing all experiments.";
            }
        }
        PageNumber = Math.Max(1, page);
        if (!IsSubscribed)
        {
            Track(notifier.Subscribe(OnEventAsync));
        }
        await ReloadAsync();
        await NotifyAsync();
    }

    public async Task RefreshAsync()
    {
        await ReloadAsync();
        await NotifyAsync();
    }

    public Task<bool> StartAsync(string id) => ActAsync(() => lifecycle.StartAsync(id), $"{id} queued");

    public Task<bool> StopAsync(string id) => ActAsync(() => lifecycle.StopAsync(id), $"{id}: stop requested");

    public Task<bool> RestartAsync(string id) => ActAsync(() => lifecycle.RestartAsync(id), $"{id} restarted in a new run folder");

    public Task<bool> DeleteAsync(string id) => ActAsync(() => lifecycle.DeleteAsync(id), $"{id} deleted");

    /// <summary>The confirmation the page shows before <see cref="DropAllAsync"/>.</summary>
    public string DropAllConfirmation => $"Stop and delete all {Total} experiment(s) with their files? This cannot be undone.";

    public Task<bool> DropAllAsync() => ActAsync(async () => Message = $"{await lifecycle.DropAllAsync()} experiment(s) deleted", null);

    private async Task<bool> ActAsync(Func<Task> action, string? success)
    {
        var done = await RunAsync(action, success);
        await ReloadAsync();
        await NotifyAsync();
        return done;
    }

    private async Task ReloadAsync()
    {
        ExperimentStatus? filter = StatusFilter is null ? null : Enum.Parse<ExperimentStatus>(StatusFilter, ignoreCase: true);
        var page = await queries.ListAsync(filter, PageNumber, PageSize);
        Items = [.. page.Items.Select(ExperimentDto.From)];
        Total = page.Total;
    }

    private async Task OnEventAsync(ExperimentEvent e)
    {
        var index = Items.ToList().FindIndex(i => i.Id == e.ExperimentId);
        if (e is StatusChanged { From: null } || (e is StatusChanged && StatusFilter is not null))
        {
            await ReloadAsync(); // a new experiment, or one entering/leaving the filtered set
        }
        else if (index >= 0 && e is StatusChanged or GenerationSummary or NewBestProgram)
        {
            try
            {
                var fresh = ExperimentDto.From(await queries.GetAsync(e.ExperimentId));
                Items = [.. Items.Select((item, i) => i == index ? fresh : item)];
            }
            catch (NotFoundException)
            {
                await ReloadAsync();
            }
        }
        else
        {
            return;
        }
        await NotifyAsync();
    }
}
