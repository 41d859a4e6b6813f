using GigaEvo.Core.Experiments;

namespace GigaEvo.Web.ViewModels;

/// <summary>
/// State and logic of one page, testable without rendering. A page hooks <see cref="Changed"/> to
/// <c>InvokeAsync(StateHasChanged)</c> and disposes the view model with itself (which drops its live subscriptions).
/// Live events arrive on background threads: state is replaced (new lists, new records), never changed in
/// place, so a render that reads meanwhile sees the whole old or the whole new value.
/// </summary>
public abstract class ViewModelBase : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Raised after the state changed (an action finished, a live event arrived).</summary>
    public event Func<Task>? Changed;

    /// <summary>True while an action runs (disable its buttons).</summary>
    public bool IsBusy { get; private set; }

    /// <summary>Why the last action was refused (shown as an alert), or null.</summary>
    public string? Error { get; protected set; }

    /// <summary>What the last action did (shown as a snackbar), or null.</summary>
    public string? Message { get; protected set; }

    protected async Task NotifyAsync()
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Func<Task>>() ?? [])
        {
            await handler();
        }
    }

    /// <summary>Runs a user action: busy while it runs; a refusal becomes <see cref="Error"/>, success <see cref="Message"/>.</summary>
    protected async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        IsBusy = true;
        Error = null;
        Message = null;
        try
        {
            await action();
            Message = success;
            return true;
        }
        catch (PlatformException e)
        {
            Error = e.Message;
            return false;
        }
        finally
        {
            IsBusy = false;
            await NotifyAsync();
        }
    }

    protected void Track(IDisposable subscription) => _subscriptions.Add(subscription);

    protected bool IsSubscribed => _subscriptions.Count > 0;

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        _subscriptions.Clear();
        GC.SuppressFinalize(this);
    }
}
