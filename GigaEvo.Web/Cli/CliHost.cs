using GigaEvo.Core;

namespace GigaEvo.Web.Cli;

/// <summary>The services a headless verb needs, composed exactly as the web host composes them.</summary>
internal static class CliHost
{
    public static IHost Build(string? logFile = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (logFile is not null)
        {
            builder.Logging.AddProvider(new FileLoggerProvider(logFile));
        }
        builder.AddGigaEvoCore();
        return builder.Build();
    }

    /// <summary>Ctrl+C and SIGTERM cancel the token instead of killing the process, so state is saved.</summary>
    public static CancellationTokenSource CancelOnSignals(TextWriter output)
    {
        var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            output.WriteLine("Stopping: killing running programs and saving state…");
            cts.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cts.Cancel();
        return cts;
    }

    public static int Fail(string message, int code = 2)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}
