using GigaEvo.Core.Experiments;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;

namespace GigaEvo.Web.Infrastructure.Hangfire;

public static class HangfireComposition
{
    /// <summary>
    /// Hangfire on in-process storage. The storage and activator are this host's own services rather than
    /// Hangfire's process-wide statics, so two hosts in one process (tests) never share a queue.
    /// </summary>
    public static IServiceCollection AddGigaEvoHangfire(this IServiceCollection services)
    {
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage());
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<HangfireLogBridge.Attachment>();
        // Applied when IGlobalConfiguration is first resolved, after Hangfire's defaults (which would bind its
        // process-wide logging to this host's logger factory).
        services.AddHangfire((_, config) => config
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(HangfireLogBridge.Instance));
        services.AddTransient<ExperimentRunJob>();
        services.AddSingleton<IRunQueue, HangfireRunQueue>();
        services.AddSingleton<LocalJobServer>();
        return services;
    }

    /// <summary>The dashboard at <c>/hangfire</c>, for requests from this machine only.</summary>
    public static void MapGigaEvoHangfireDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new LocalRequestsOnlyFilter()],
            DashboardTitle = "GigaEvo jobs",
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
}
