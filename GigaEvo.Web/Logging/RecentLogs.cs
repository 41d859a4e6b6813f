using GigaEvo.Web.Runners;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Logging;

public sealed record LogLine(DateTimeOffset At, string Level, string Category, string Message);

/// <summary>The last N log lines of this process (a ring buffer), for the runner's log view.</summary>
public sealed class RecentLogs(IOptions<RunnerOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Queue<LogLine> _lines = new();

    public void Add(LogLine line)
    {
        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > Math.Max(1, options.Value.LogLines))
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines, oldest first, optionally only categories starting with one of <paramref name="prefixes"/>.</summary>
    public IReadOnlyList<LogLine> Last(int count, IReadOnlyList<string>? prefixes = null)
    {
        lock (_lock)
        {
            var selected = prefixes is null ? _lines : _lines.Where(l => prefixes.Any(p => l.Category.StartsWith(p, StringComparison.Ordinal)));
            return [.. selected.TakeLast(Math.Max(0, count))];
        }
    }
}
