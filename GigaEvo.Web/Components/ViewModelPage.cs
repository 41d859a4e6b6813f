using GigaEvo.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GigaEvo.Web.Components;

/// <summary>
/// A page over one view model: re-renders (throttled) when the view model says it changed, shows an action's
/// message as a snackbar, and drops the view model's live subscriptions when the page goes away.
/// </summary>
public abstract class ViewModelPage<TViewModel> : ComponentBase, IDisposable where TViewModel : ViewModelBase
{
    /// <summary>Bursts of live events (a generation finishing many programs) render at most this often.</summary>
    public static readonly TimeSpan RenderThrottle = TimeSpan.FromMilliseconds(200);

    private int _renderPending;
    private bool _disposed;

    [Inject]
    protected TViewModel Vm { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Vm.Changed += OnChangedAsync;

    /// <summary>Runs a user action and reports its outcome (the error stays on the page as an alert).</summary>
    protected async Task ActAsync(Func<Task<bool>> action)
    {
        if (await action() && Vm.Message is { } message)
        {
            Snackbar.Add(message, Severity.Success);
        }
    }

    private Task OnChangedAsync()
    {
        if (_disposed || Interlocked.Exchange(ref _renderPending, 1) == 1)
        {
            return Task.CompletedTask;
        }
        _ = RenderSoonAsync();
        return Task.CompletedTask;
    }

    private async Task RenderSoonAsync()
    {
        await Task.Delay(RenderThrottle);
        Volatile.Write(ref _renderPending, 0);
        if (_disposed)
        {
            return;
        }
        try
        {
            await InvokeAsync(StateHasChanged);
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the event and the render.
        }
    }

    protected static Color ColorOf(StatusTone tone) => tone switch
    {
        StatusTone.Info => Color.Info,
        StatusTone.Progress => Color.Primary,
        StatusTone.Success => Color.Success,
        StatusTone.Warning => Color.Warning,
        StatusTone.Error => Color.Error,
        _ => Color.Default,
    };

    protected static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "—";

    protected static string Num(double? value) => TrackingViewModel.Format(value);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            Vm.Changed -= OnChangedAsync;
            Vm.Dispose();
        }
    }
}
