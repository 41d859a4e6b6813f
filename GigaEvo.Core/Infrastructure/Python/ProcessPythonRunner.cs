using System.Diagnostics;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>A fresh interpreter per job: simplest isolation, and ~0.6 s of imports per scientific job.</summary>
public sealed class ProcessPythonRunner(IOptions<PythonOptions> options, TimeProvider time) : IPythonRunner
{
    private readonly PythonOptions _options = options.Value;

    public async Task<PythonResult> RunAsync(PythonJob job, CancellationToken ct = default)
    {
        HarnessProtocol.PrepareWorkspace(job);
        var requestPath = Path.Combine(job.Workspace, "request.json");
        await File.WriteAllTextAsync(requestPath, HarnessProtocol.Request(job, _options).ToJsonString(), ct);
        var start = time.GetTimestamp();
        var psi = new ProcessStartInfo(_options.Interpreter)
        {
            WorkingDirectory = job.Workspace,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        psi.ArgumentList.Add("-I");
        psi.ArgumentList.Add(PythonScripts.Harness);
        psi.ArgumentList.Add(requestPath);
        psi.Environment.Clear();
        foreach (var (key, value) in SandboxEnvironment.For(job.Workspace))
        {
            psi.Environment[key] = value;
        }
        using var process = Process.Start(psi)
            ?? throw new InvalidOperationException($"could not start Python interpreter '{_options.Interpreter}'");
        var pid = process.Id;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(job.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            NativeProcess.KillGroup(pid);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var outcome = ct.IsCancellationRequested ? PythonOutcome.Cancelled : PythonOutcome.TimedOut;
            return HarnessProtocol.Stopped(job, _options, outcome, time.GetElapsedTime(start));
        }
        // Anything the program started and left behind dies with its group.
        NativeProcess.KillGroup(pid);
        var code = process.ExitCode;
        int? signal = code > 128 ? code - 128 : null;
        return HarnessProtocol.Complete(job, _options, signal is null ? code : null, signal, time.GetElapsedTime(start));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
