using GigaEvo.Core.Experiments;

namespace GigaEvo.Web.ViewModels;

/// <summary>How a status chip should look; the page maps it to a MudBlazor color.</summary>
public enum StatusTone
{
    Neutral,
    Info,
    Progress,
    Success,
    Warning,
    Error,
}

public static class StatusTones
{
    public static StatusTone Of(string status) => ExperimentStatuses.TryParse(status, out var s) ? s switch
    {
        ExperimentStatus.Pending or ExperimentStatus.Initialized => StatusTone.Neutral,
        ExperimentStatus.Queued => StatusTone.Info,
        ExperimentStatus.Running => StatusTone.Progress,
        ExperimentStatus.Completed => StatusTone.Success,
        ExperimentStatus.Cancelled => StatusTone.Warning,
        _ => StatusTone.Error,
    } : StatusTone.Neutral;

    public static StatusTone OfRunner(string status) => status switch
    {
        "ACTIVE" => StatusTone.Success,
        "STOPPED" => StatusTone.Warning,
        _ => StatusTone.Error,
    };
}
