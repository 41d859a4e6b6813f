using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Web.ViewModels;

/// <summary>
/// The experiments table: filter by status and page (the page keeps both in the URL), the actions, and rows that
/// follow live events (a row is re-read when its experiment changes; nothing polls).
/// </summary>
public sealed class ExperimentsViewModel(ExperimentQueries queries, ExperimentLifecycle lifecycle, INotifier<ExperimentEvent> notifier) : ViewModelBase
{
    public const int PageSize = 50;

    /// <summary>The filter choices: every status key (null means all).</summary>
    public static IReadOnlyList<string> StatusFilters { get; } = [.. ExperimentStatuses.All.Select(s => s.ToKey())];

    public string? StatusFilter { get; private set; }

    /// <summary>The page shown (1-based): the one asked for, or the last one when that is past the end.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>The page the URL asked for.</summary>
    public int RequestedPage { get; private set; } = 1;

    public int Total { get; private set; }

    /// <summary>How many pages the filtered list has (at least one, which may be empty).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Why another page than the URL's is shown, or null.</summary>
    public string? PageNotice => RequestedPage > PageNumber
        ? $"Page {RequestedPage} is past the end; showing page {PageNumber} of {PageCount}."
        : null;

    /// <summary>What the table holds: the count, and which rows when there are several pages.</summary>
    public string Summary => PageCount > 1 && Items.Count > 0
        ? $"{Total} experiment(s) · {(PageNumber - 1) * PageSize + 1}–{(PageNumber - 1) * PageSize + Items.Count} shown"
        : $"{Total} experiment(s)";

    /// <summary>What an empty table says instead of rows.</summary>
    public string EmptyMessage => StatusFilter is null
        ? "No experiments yet: create one, or start from a template."
        : $"No {StatusFilter} experiments.";

    public IReadOnlyList<ExperimentDto> Items { get; private set; } = [];

    /// <summary>
    /// Loads page <paramref name="page"/> for <paramref name="statusFilter"/> (both from the URL; an unknown status shows
    /// all and says so, a page past the end shows the last page and says so).
    /// </summary>
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
        RequestedPage = Math.Max(1, page);
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
        var page = await queries.ListAsync(filter, RequestedPage, PageSize);
        if (page.Items.Count == 0 && page.Total > 0)
        {
            // Past the end: asked so, or the rows of the last page went away (deleted, or left the filter).
            page = await queries.ListAsync(filter, (page.Total + PageSize - 1) / PageSize, PageSize);
        }
        Items = [.. page.Items.Select(ExperimentDto.From)];
        Total = page.Total;
        PageNumber = page.PageNumber;
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
