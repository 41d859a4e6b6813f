using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GigaEvo.Tests.Integration.Python;

/// <summary>Both runner implementations, against the real Debian interpreter.</summary>
public static class PythonRunnerFactory
{
    public static IPythonRunner Create(string mode, Action<PythonOptions>? configure = null)
    {
        var options = new PythonOptions { MemoryLimitMb = 1024, FileSizeLimitMb = 16, OutputCaptureKb = 16 };
        configure?.Invoke(options);
        return mode switch
        {
            "process" => new ProcessPythonRunner(Options.Create(options), TimeProvider.System),
            _ => new ForkServerPythonRunner(Options.Create(options), TimeProvider.System, NullLogger<ForkServerPythonRunner>.Instance),
        };
    }

    public static (PythonJob Job, string Dir) RunJob(string code, double timeoutSeconds = 10)
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-test-").FullName;
        var script = Path.Combine(dir, "program.py");
        File.WriteAllText(script, code);
        var job = new PythonJob
        {
            Kind = PythonJobKind.Run,
            Workspace = Path.Combine(dir, "ws"),
            ScriptPath = script,
            OutputPicklePath = Path.Combine(dir, "ws", "output.pkl"),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };
        return (job, dir);
    }
}
