using System.Text.Json.Serialization;
using GigaEvo.Core;
using GigaEvo.Core.Experiments;
using GigaEvo.Web.Components;
using GigaEvo.Web.Endpoints;
using GigaEvo.Web.Health;
using GigaEvo.Web.Infrastructure.Hangfire;
using GigaEvo.Web.Logging;
using GigaEvo.Web.Runners;
using GigaEvo.Web.ViewModels;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace GigaEvo.Web;

public static class WebComposition
{
    public static IHostApplicationBuilder AddGigaEvoWeb(this IHostApplicationBuilder builder)
    {
        builder.AddGigaEvoCore();
        builder.AddGigaEvoPlatform();
        builder.AddGigaEvoRunner();
        var services = builder.Services;
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobStorageHealthCheck>("job_storage")
            .AddCheck<ProgramStoreHealthCheck>("program_store")
            .AddCheck<ArtifactStoreHealthCheck>("artifact_store")
            .AddCheck<PythonHealthCheck>("python");
        services.AddSingleton<SystemStatusService>();
        services.AddProblemDetails();
        // Binding failures throw (in every environment) so BindingProblems can name the field in a ProblemDetails.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BindingProblems>();
        services.AddOpenApi();
        services.AddUploadLimits();
        // Metrics may be non-finite (a sentinel, a failed evaluation); they travel by name as elsewhere.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals);
        services.AddGigaEvoViewModels();
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Messages at the bottom right: at the top they cover the pages' toolbar buttons.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        return builder;
    }

    /// <summary>This process as a runner: Hangfire server, registry entry, heartbeat, health checks of all instances, log buffer.</summary>
    private static void AddGigaEvoRunner(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RunnerOptions>()
            .Bind(builder.Configuration.GetSection(RunnerOptions.Section))
            .Validate(o => o.MaxWorkersPerInstance is >= 1 and <= 64, "Runner:MaxWorkersPerInstance must be between 1 and 64 (default 5)")
            .Validate(o => o.HeartbeatSeconds >= 1, "Runner:HeartbeatSeconds must be at least 1")
            .Validate(o => o.HealthCheckSeconds >= 1, "Runner:HealthCheckSeconds must be at least 1")
            .Validate(o => o.HeartbeatTimeoutSeconds > o.HeartbeatSeconds, "Runner:HeartbeatTimeoutSeconds must exceed Runner:HeartbeatSeconds")
            .Validate(o => o.LogLines >= 10, "Runner:LogLines must be at least 10")
            .Validate(o => o.StopTimeoutSeconds >= 1, "Runner:StopTimeoutSeconds must be at least 1")
            .Validate(o => o.Endpoint is null || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Runner:Endpoint must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RunnerOptions>>().Value;
            var name = string.IsNullOrWhiteSpace(o.Name) ? Environment.MachineName : o.Name;
            return new Core.Runners.RunnerIdentity(name, name, o.MaxWorkersPerInstance);
        });
        services.AddSingleton(sp => RunnerEndpoint.From(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RunnerOptions>>().Value));
        services.AddGigaEvoHangfire();
        services.AddSingleton<RecentLogs>();
        services.AddSingleton<ILoggerProvider, RecentLogsLoggerProvider>();
        services.AddSingleton<RunnerControl>();
        services.AddSingleton<RunnerHealthMonitor>();
        services.AddHttpClient();
        // Order matters: the schema, registry and job server are up before the heartbeat and health loops.
        services.AddHostedService<PlatformStartup>();
        services.AddHostedService<RunnerHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<RunnerHealthMonitor>());
    }

    public static WebApplication MapGigaEvoWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapGigaEvoHangfireDashboard();
        app.MapDatasetEndpoints();
        app.MapProblemEndpoints();
        app.MapExperimentEndpoints();
        app.MapExperimentRunEndpoints();
        app.MapExperimentResultEndpoints();
        app.MapTemplateEndpoints();
        app.MapInstanceEndpoints();
        app.MapStatusEndpoints();
        // The UI: static assets (MudBlazor's CSS/JS, blazor.web.js) and the interactive server pages.
        app.MapStaticAssets();
        app.UseAntiforgery();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
