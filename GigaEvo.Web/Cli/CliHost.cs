using System.Runtime.InteropServices;
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

    /// <summary>Ctrl+C (SIGINT) and SIGTERM cancel a token instead of killing the process, so state is saved.</summary>
    public static CliSignals CancelOnSignals(TextWriter output) => new(output);

    public static int Fail(string message, int code = 2)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}

internal sealed class CliSignals : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;

    public CliSignals(TextWriter output)
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            if (!_cts.IsCancellationRequested)
            {
                output.WriteLine($"{signal}: killing running programs and saving state…");
                _cts.Cancel();
            }
        }))];
    }

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _cts.Dispose();
    }
}
