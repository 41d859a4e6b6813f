using System.Diagnostics;
using GigaEvo.Core.Python;

namespace GigaEvo.Tests.Integration.Python;

/// <summary>Hostile programs are contained with a clear reason; the runner stays usable afterwards.</summary>
public sealed class HostilePythonTests
{
    public static TheoryData<string> Modes => ["forkserver", "process"];

    private static async Task<PythonResult> RunAsync(string mode, string code, double timeout = 10)
    {
        await using var runner = PythonRunnerFactory.Create(mode, o => o.Preload = ["numpy"]);
        var (job, _) = PythonRunnerFactory.RunJob(code, timeout);
        var result = await runner.RunAsync(job);
        // The runner must still work after containing the hostile job.
        var (next, _) = PythonRunnerFactory.RunJob("def entrypoint():\n    return 41 + 1\n");
        var after = await runner.RunAsync(next);
        Assert.Equal(PythonOutcome.Ok, after.Outcome);
        return result;
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_WellBehavedProgram_ReturnsSummaryAndStdout(string mode)
    {
        var result = await RunAsync(mode, "def entrypoint():\n    print('hello')\n    return [1, 2, 3]\n");
        Assert.Equal(PythonOutcome.Ok, result.Outcome);
        Assert.Contains("[1, 2, 3]", result.Value!.Value.GetProperty("summary").GetString());
        Assert.Contains("hello", result.Stdout);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_InfiniteLoop_TimesOutAndIsKilled(string mode)
    {
        var watch = Stopwatch.StartNew();
        var result = await RunAsync(mode, "def entrypoint():\n    while True:\n        pass\n", timeout: 1.5);
        Assert.Equal(PythonOutcome.TimedOut, result.Outcome);
        Assert.Contains("timed out", result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_EightGigabyteAllocation_FailsWithMemoryReason(string mode)
    {
        var result = await RunAsync(mode, "def entrypoint():\n    x = bytearray(8 * 1024**3)\n    return len(x)\n");
        Assert.NotEqual(PythonOutcome.Ok, result.Outcome);
        Assert.Contains("memory", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_SysExit_ReportsExitCode(string mode)
    {
        var result = await RunAsync(mode, "import sys\ndef entrypoint():\n    sys.exit(3)\n");
        Assert.Equal(PythonOutcome.Error, result.Outcome);
        Assert.Contains("sys.exit(3)", result.Error);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_HundredMegabytesOfPrinting_IsTruncatedAndTheRunGoesOn(string mode)
    {
        var result = await RunAsync(mode, "def entrypoint():\n    line = 'x' * 1023\n    for _ in range(100 * 1024):\n        print(line)\n    return 'done'\n", timeout: 30);
        Assert.Equal(PythonOutcome.Ok, result.Outcome);
        Assert.True(result.Stdout.Length <= 17 * 1024, $"stdout kept {result.Stdout.Length} chars");
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_Segfault_IsReportedAsCrash(string mode)
    {
        var result = await RunAsync(mode, "import ctypes\ndef entrypoint():\n    ctypes.string_at(0)\n");
        Assert.Equal(PythonOutcome.Crashed, result.Outcome);
        Assert.Contains("segmentation fault", result.Error);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_WriteOutsideWorkspace_IsRefused(string mode)
    {
        var target = Path.Combine(Path.GetTempPath(), $"gigaevo-escape-{Guid.NewGuid():N}.txt");
        var result = await RunAsync(mode, $"def entrypoint():\n    open('{target}', 'w').write('escaped')\n");
        Assert.Equal(PythonOutcome.Error, result.Outcome);
        Assert.Contains("outside the workspace", result.Error);
        Assert.False(File.Exists(target));
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_WriteInsideWorkspace_IsAllowed(string mode)
    {
        var result = await RunAsync(mode, "def entrypoint():\n    open('scratch.txt', 'w').write('ok')\n    return open('scratch.txt').read()\n");
        Assert.Equal(PythonOutcome.Ok, result.Outcome);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_ChildProcessLeftRunning_IsKilledWithTheGroup(string mode)
    {
        var marker = $"gigaevo-orphan-{Guid.NewGuid():N}";
        var result = await RunAsync(mode, $"import subprocess\ndef entrypoint():\n    p = subprocess.Popen(['/bin/sh', '-c', 'exec sleep 300 # {marker}'])\n    return p.pid\n");
        Assert.Equal(PythonOutcome.Ok, result.Outcome);
        await Task.Delay(300);
        var psi = new ProcessStartInfo("pgrep", ["-f", marker]) { RedirectStandardOutput = true };
        using var pgrep = Process.Start(psi)!;
        var found = await pgrep.StandardOutput.ReadToEndAsync();
        await pgrep.WaitForExitAsync();
        Assert.Equal("", found.Trim());
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_Environment_CarriesNoHostSecrets(string mode)
    {
        Environment.SetEnvironmentVariable("GIGAEVO_TEST_SECRET", "sk-do-not-leak");
        try
        {
            var result = await RunAsync(mode, "import os\ndef entrypoint():\n    return sorted(os.environ.items())\n");
            Assert.Equal(PythonOutcome.Ok, result.Outcome);
            var summary = result.Value!.Value.GetProperty("summary").GetString()!;
            Assert.DoesNotContain("sk-do-not-leak", summary);
            Assert.DoesNotContain("GIGAEVO_TEST_SECRET", summary);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GIGAEVO_TEST_SECRET", null);
        }
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Run_RaisingProgram_ReportsTraceback(string mode)
    {
        var result = await RunAsync(mode, "def entrypoint():\n    return 1 / 0\n");
        Assert.Equal(PythonOutcome.Error, result.Outcome);
        Assert.StartsWith("ZeroDivisionError", result.Error);
        Assert.Contains("line 2", result.Traceback);
    }

    [Fact]
    public async Task Run_Cancellation_KillsTheProgramPromptly()
    {
        await using var runner = PythonRunnerFactory.Create("forkserver", o => o.Preload = []);
        var (job, _) = PythonRunnerFactory.RunJob("import time\ndef entrypoint():\n    time.sleep(60)\n", 120);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();
        var result = await runner.RunAsync(job, cts.Token);
        Assert.Equal(PythonOutcome.Cancelled, result.Outcome);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }
}
