using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Infrastructure.InProcess;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Infrastructure.Sqlite;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;
using GigaEvo.Core.Runners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// The platform's services on the embedded default (SQLite file, local artifact folder, in-process events and
/// stop signals). Separate from <see cref="CoreComposition"/> so the CLI verbs do not carry a database.
/// The host adds the job queue (<see cref="IRunQueue"/>) and the runner identity.
/// </summary>
public static class PlatformComposition
{
    public static IHostApplicationBuilder AddGigaEvoPlatform(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PlatformOptions>()
            .Bind(builder.Configuration.GetSection(PlatformOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Platform:DataDirectory must name a folder (default: data)")
            .Validate(o => o.MaxUploadMb >= 1, "Platform:MaxUploadMb must be at least 1")
            .Validate(o => o.MaxProblemUnpackedMb >= 1, "Platform:MaxProblemUnpackedMb must be at least 1")
            .Validate(o => o.MaxProblemEntries >= 1, "Platform:MaxProblemEntries must be at least 1")
            .Validate(o => o.MaxGenerations >= 1, "Platform:MaxGenerations must be at least 1")
            .Validate(o => o.DefaultGenerations >= 1 && o.DefaultGenerations <= o.MaxGenerations, "Platform:DefaultGenerations must be between 1 and Platform:MaxGenerations")
            .Validate(o => o.StopTimeoutSeconds >= 1, "Platform:StopTimeoutSeconds must be at least 1")
            .Validate(o => o.Models.Count == 0 || o.LlmBaseUrl is not null, "Platform:Models lists LLM models but Platform:LlmBaseUrl is not set")
            .ValidateOnStart();
        services.AddSqlitePlatformDatabase(sp => sp.GetRequiredService<IOptions<PlatformOptions>>().Value.DatabasePath);
        services.AddSingleton<IArtifactStore>(sp => new LocalArtifactStore(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.ArtifactsPath));
        services.AddSingleton(typeof(INotifier<>), typeof(InProcessNotifier<>));
        services.AddSingleton<IRunCancellation, InProcessRunCancellation>();
        services.AddSingleton<IPythonCodeInspector, PythonCodeInspector>();
        services.AddSingleton<IProblemLoader, ProblemLoader>();
        services.AddSingleton<PythonInfo>();
        services.AddSingleton<MlTemplateService>();
        services.AddSingleton<ExperimentTransitions>();
        services.AddSingleton<DatasetService>();
        services.AddSingleton<ProblemCatalog>();
        services.AddSingleton<ExperimentCreator>();
        services.AddSingleton<ExperimentLifecycle>();
        services.AddSingleton<ExperimentQueries>();
        services.AddSingleton<ExperimentResults>();
        services.AddSingleton<ExperimentTemplates>();
        services.AddSingleton<ExperimentRecovery>();
        services.AddSingleton<ExperimentRun>();
        services.AddSingleton<ExperimentRunner>();
        services.AddSingleton<RunnerRegistry>();
        return builder;
    }
}
