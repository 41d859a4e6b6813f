using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>One fork-server process (forkserver.py) and the jobs in flight on it; restarted if it dies.</summary>
internal sealed class ForkServer(PythonOptions options, IReadOnlyList<string> preload, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, ForkJob> _pending = new();
    private Process? _process;
    private bool _disposed;
    private long _nextId;

    public string Name => preload.Count == 0 ? "light" : "warm";

    /// <summary>Sends a job; the returned handle completes with the child's pid, then its exit (or an inline result).</summary>
    public async Task<ForkJob> SubmitAsync(JsonObject request, CancellationToken ct)
    {
        var process = await EnsureStartedAsync(ct);
        var id = Interlocked.Increment(ref _nextId);
        var job = new ForkJob(() => _pending.TryRemove(id, out _));
        _pending[id] = job;
        var line = new JsonObject { ["id"] = id, ["request"] = request }.ToJsonString();
        await _writeLock.WaitAsync(ct);
        try
        {
            await process.StandardInput.WriteLineAsync(line.AsMemory(), ct);
            await process.StandardInput.FlushAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
        return job;
    }

    private async Task<Process> EnsureStartedAsync(CancellationToken ct)
    {
        if (_process is { HasExited: false } running)
        {
            return running;
        }
        await _startLock.WaitAsync(ct);
        try
        {
            if (_process is { HasExited: false } again)
            {
                return again;
            }
            _process?.Dispose();
            var psi = new ProcessStartInfo(options.Interpreter)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                WorkingDirectory = Path.GetTempPath(),
            };
            psi.ArgumentList.Add("-I");
            psi.ArgumentList.Add(PythonScripts.ForkServer);
            foreach (var module in preload)
            {
                psi.ArgumentList.Add(module);
            }
            psi.Environment.Clear();
            foreach (var (key, value) in SandboxEnvironment.For(Path.GetTempPath()))
            {
                psi.Environment[key] = value;
            }
            Process process;
            try
            {
                process = Process.Start(psi) ?? throw new InvalidOperationException("Process.Start returned null");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"Python interpreter '{options.Interpreter}' could not be started ({e.Message}); set Python:Interpreter", e);
            }
            var ready = await process.StandardOutput.ReadLineAsync(ct)
                ?? throw new InvalidOperationException($"the Python fork server ('{options.Interpreter}') exited during start-up");
            logger.LogInformation("Python fork server ({Name}) started: {Ready}", Name, ready);
            _process = process;
            _ = Task.Run(() => ReadLoopAsync(process), CancellationToken.None);
            return process;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task ReadLoopAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!_pending.TryGetValue(root.GetProperty("id").GetInt64(), out var job))
            {
                continue;
            }
            if (root.TryGetProperty("pid", out var pid))
            {
                job.Pid.TrySetResult(pid.GetInt32());
            }
            else if (root.TryGetProperty("inline", out var inline))
            {
                job.Pid.TrySetResult(0);
                job.Exit.TrySetResult(new ForkExit(0, null, inline.Clone()));
            }
            else if (root.TryGetProperty("signal", out var signal))
            {
                job.Exit.TrySetResult(new ForkExit(null, signal.GetInt32(), null));
            }
            else
            {
                job.Exit.TrySetResult(new ForkExit(root.GetProperty("exit_code").GetInt32(), null, null));
            }
        }
        if (!_disposed)
        {
            logger.LogWarning("Python fork server ({Name}) exited; jobs in flight fail and the next job restarts it", Name);
        }
        foreach (var job in _pending.Values)
        {
            var error = new InvalidOperationException("the Python fork server exited while the job was running");
            job.Pid.TrySetException(error);
            job.Exit.TrySetException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_process is { HasExited: false } process)
        {
            // Closing stdin makes the server kill its children's groups and exit.
            process.StandardInput.Close();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        _process?.Dispose();
        _startLock.Dispose();
        _writeLock.Dispose();
    }
}

/// <summary>A job on a fork server: the child's pid (0 when answered inline), then how it ended.</summary>
internal sealed class ForkJob(Action release) : IDisposable
{
    public TaskCompletionSource<int> Pid { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<ForkExit> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => release();
}

/// <summary>How a child ended; <see cref="Inline"/> holds the payload of a job the server answered itself.</summary>
internal sealed record ForkExit(int? ExitCode, int? Signal, JsonElement? Inline);
