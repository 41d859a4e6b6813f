using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>
/// The interpreter's versions (python, numpy, sklearn…), asked once and kept for a few minutes: asking
/// imports scikit-learn, about a second of CPU, which health checks and archive downloads should not repeat.
/// </summary>
public sealed class PythonInfo(IOptions<PythonOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyDictionary<string, string> Versions, DateTimeOffset At)? _cached;

    public string Interpreter => options.Value.Interpreter;

    /// <summary>Throws with the interpreter's own error when it cannot report (missing, broken).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetVersionsAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } c && time.GetUtcNow() - c.At < KeepFor)
            {
                return c.Versions;
            }
            var versions = await PythonVersions.GetAsync(options.Value.Interpreter, ct);
            _cached = (versions, time.GetUtcNow());
            return versions;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
