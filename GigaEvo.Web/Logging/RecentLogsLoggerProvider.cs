namespace GigaEvo.Web.Logging;

/// <summary>Feeds <see cref="RecentLogs"/> with every log line at Information or above.</summary>
public sealed class RecentLogsLoggerProvider(RecentLogs logs, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(logs, time, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecentLogs logs, TimeProvider time, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, exception) + (exception is null ? "" : " — " + exception.Message);
                logs.Add(new LogLine(time.GetUtcNow(), logLevel.ToString(), category, message));
            }
        }
    }
}
