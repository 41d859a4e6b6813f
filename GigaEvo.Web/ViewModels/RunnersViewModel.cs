using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Contracts;
using GigaEvo.Web.Logging;
using GigaEvo.Web.Runners;

namespace GigaEvo.Web.ViewModels;

/// <summary>The runners page: instances, their actions, the selected one's recent log lines, and the health summary.</summary>
public sealed class RunnersViewModel(
    RunnerRegistry registry,
    RunnerControl control,
    RecentLogs logs,
    RunnerIdentity local,
    INotifier<RunnersChanged> notifier) : ViewModelBase
{
    public static IReadOnlyList<int> LogLineChoices { get; } = [50, 100, 500, 1000];

    public IReadOnlyList<RunnerDto> Instances { get; private set; } = [];

    public RunnersHealthDto Health { get; private set; } = RunnersHealthDto.From([]);

    /// <summary>The instance whose log is shown (default: this process).</summary>
    public string? SelectedId { get; private set; }

    public int LogLineCount { get; private set; } = 100;

    public IReadOnlyList<LogLine> Logs { get; private set; } = [];

    public async Task LoadAsync()
    {
        if (!IsSubscribed)
        {
            Track(notifier.Subscribe(async _ =>
            {
                await ReloadAsync();
                await NotifyAsync();
            }));
        }
        SelectedId ??= local.Id;
        await ReloadAsync();
        await NotifyAsync();
    }

    public Task<bool> InitializeAsync(string id) => ActAsync(() => control.InitializeAsync(id), $"{id} initialized");

    public Task<bool> StopAsync(string id) => ActAsync(() => control.StopAsync(id), $"{id} stopped; its running experiments went back to the queue");

    public Task<bool> RestartAsync(string id) => ActAsync(() => control.RestartAsync(id), $"{id} restarted");

    public async Task SelectAsync(string id, int? lines = null)
    {
        SelectedId = id;
        LogLineCount = lines is { } n && LogLineChoices.Contains(n) ? n : LogLineCount;
        LoadLogs();
        await NotifyAsync();
    }

    private async Task<bool> ActAsync(Func<Task> action, string success)
    {
        var done = await RunAsync(action, success);
        await ReloadAsync();
        await NotifyAsync();
        return done;
    }

    private async Task ReloadAsync()
    {
        Instances = [.. (await registry.ListAsync()).Select(r => RunnerDto.From(r, local.Id))];
        Health = RunnersHealthDto.From(Instances);
        LoadLogs();
    }

    /// <summary>Only this process's buffer is at hand; another instance serves its own log.</summary>
    private void LoadLogs() => Logs = SelectedId == local.Id ? logs.Last(LogLineCount) : [];
}
