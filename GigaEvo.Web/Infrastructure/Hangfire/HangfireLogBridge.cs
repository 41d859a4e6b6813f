using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace GigaEvo.Web.Infrastructure.Hangfire;

/// <summary>
/// Hangfire logs through one process-wide provider. Bound to one host's logger factory, it would outlive that
/// host (tests start several hosts in one process); this bridge writes to the most recently started host still
/// alive, and nowhere once none is.
/// </summary>
public sealed class HangfireLogBridge : ILogProvider
{
    public static readonly HangfireLogBridge Instance = new();

    private static readonly Lock Gate = new();
    private static readonly List<ILoggerFactory> Hosts = [];

    public ILog GetLogger(string name) => new BridgedLog(name);

    private static ILoggerFactory? Current()
    {
        lock (Gate)
        {
            return Hosts.Count > 0 ? Hosts[^1] : null;
        }
    }

    /// <summary>Held by a host while it lives (a singleton disposed with the host, before its logger factory).</summary>
    public sealed class Attachment : IDisposable
    {
        private readonly ILoggerFactory _factory;

        public Attachment(ILoggerFactory factory)
        {
            _factory = factory;
            lock (Gate)
            {
                Hosts.Add(factory);
            }
        }

        public void Dispose()
        {
            lock (Gate)
            {
                Hosts.Remove(_factory);
            }
        }
    }

    private sealed class BridgedLog(string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (Current() is not { } factory)
            {
                return false;
            }
            ILogger logger;
            try
            {
                logger = factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false; // the host is being torn down between our check and this line: the line has nowhere to go
            }
            if (messageFunc is null)
            {
                return logger.IsEnabled(level); // Hangfire asks "is this level on?" this way
            }
            logger.Log(level, exception, "{Message}", messageFunc());
            return true;
        }
    }
}
