using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Python;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core;

public static class CoreComposition
{
    /// <summary>Registers the engine's services and validates their configuration at start-up.</summary>
    public static IHostApplicationBuilder AddGigaEvoCore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddTimeProvider();
        builder.Services.AddOptions<PythonOptions>()
            .Bind(builder.Configuration.GetSection(PythonOptions.Section))
            .Validate(o => File.Exists(o.Interpreter), "Python:Interpreter names no file; set it to an interpreter with numpy and scikit-learn (e.g. /usr/bin/python3)")
            .Validate(o => o.Mode is "forkserver" or "process", "Python:Mode must be 'forkserver' or 'process'")
            .Validate(o => o.MemoryLimitMb >= 256, "Python:MemoryLimitMb must be at least 256")
            .Validate(o => o.FileSizeLimitMb >= 1, "Python:FileSizeLimitMb must be at least 1")
            .ValidateOnStart();
        builder.Services.AddSingleton<IPythonRunner>(sp => CreateRunner(sp));
        return builder;
    }

    public static IPythonRunner CreateRunner(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<PythonOptions>>();
        var time = sp.GetRequiredService<TimeProvider>();
        return options.Value.Mode == "process"
            ? new ProcessPythonRunner(options, time)
            : new ForkServerPythonRunner(options, time, sp.GetRequiredService<ILogger<ForkServerPythonRunner>>());
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
