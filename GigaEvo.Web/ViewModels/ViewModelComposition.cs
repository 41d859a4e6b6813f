namespace GigaEvo.Web.ViewModels;

public static class ViewModelComposition
{
    /// <summary>One instance per Blazor circuit (scoped): each page's state belongs to its user.</summary>
    public static IServiceCollection AddGigaEvoViewModels(this IServiceCollection services)
    {
        services.AddScoped<ExperimentsViewModel>();
        services.AddScoped<CreateExperimentViewModel>();
        services.AddScoped<TrackingViewModel>();
        services.AddScoped<ResultsViewModel>();
        services.AddScoped<RunnersViewModel>();
        services.AddScoped<MonitoringViewModel>();
        return services;
    }
}
