using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Tests.Unit.Problems;

public sealed class PythonCodeInspectorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gigaevo-tests", Guid.NewGuid().ToString("N"));

    public PythonCodeInspectorTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task InspectAsync_ValidFile_ListsTopLevelFunctionsWithParameters()
    {
        var file = Write("ok.py", """
            import math

            def a(): pass
            async def b(x, y=1, *rest, key, opt=2, **kw): pass
            def c(p, /, q): pass
            class K:
                def hidden(self): pass
            """);

        var result = Assert.Single(await Inspector().InspectAsync([file]));

        Assert.Equal(file, result.File);
        Assert.True(result.IsValid);
        Assert.Equal(
            [
                new PythonFunction("a", 3, 0, 0, false, 0, false),
                new PythonFunction("b", 4, 2, 1, true, 1, true),
                new PythonFunction("c", 5, 2, 0, false, 0, false),
            ],
            result.Functions);
    }

    [Fact]
    public async Task InspectAsync_SeveralFiles_KeepsOrderAndReportsSyntaxErrors()
    {
        var bad = Write("bad.py", "def f(:\n    pass\n");
        var good = Write("good.py", "def f():\n    pass\n");
        var missing = Path.Combine(_folder, "missing.py");

        var results = await Inspector().InspectAsync([bad, good, missing]);

        Assert.Equal([bad, good, missing], results.Select(r => r.File));
        Assert.Equal(new PythonCodeError("SyntaxError", 1, 7, "invalid syntax"), results[0].Error);
        Assert.True(results[1].IsValid);
        Assert.Equal("FileNotFoundError", results[2].Error!.Kind);
    }

    [Fact]
    public async Task InspectAsync_NoFiles_ReturnsEmptyWithoutInterpreter()
    {
        var inspector = new PythonCodeInspector(Options.Create(new PythonOptions { Interpreter = "/nonexistent/python3" }));

        Assert.Empty(await inspector.InspectAsync([]));
    }

    [Fact]
    public async Task InspectAsync_MissingInterpreter_ThrowsClearMessage()
    {
        var inspector = new PythonCodeInspector(Options.Create(new PythonOptions { Interpreter = "/x/python3" }));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => inspector.InspectAsync([Write("a.py", "")]));

        Assert.Equal("Python interpreter '/x/python3' not found; set Python:Interpreter", ex.Message);
    }

    [Fact]
    public async Task InspectAsync_TooSlow_ThrowsTimeout()
    {
        var inspector = new PythonCodeInspector(Options.Create(new PythonOptions())) { Timeout = TimeSpan.FromMilliseconds(1) };

        await Assert.ThrowsAsync<TimeoutException>(() => inspector.InspectAsync([Write("a.py", "")]));
    }

    [Fact]
    public async Task InspectAsync_Interpreter_RunsIsolatedWithCleanEnvironment()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // A fake interpreter that records its arguments and environment, then answers like the real script.
        var dump = Path.Combine(_folder, "dump.txt");
        var fake = Write("fake-python", $$"""
            #!/bin/sh
            {
              printf '%s\n' "$1" "$2" "$3"
              env
            } > '{{dump}}'
            printf '[{"file": "x", "error": null, "functions": []}]'
            """);
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var inspector = new PythonCodeInspector(Options.Create(new PythonOptions { Interpreter = fake }));

        var result = Assert.Single(await inspector.InspectAsync([Write("a.py", "")]));

        Assert.True(result.IsValid);
        var lines = File.ReadAllLines(dump);
        Assert.Equal(["-I", "-S", "-c"], lines[..3]);
        var variables = lines[3..].Select(l => l.Split('=')[0]).Where(v => v is not ("PWD" or "SHLVL" or "_" or "OLDPWD"));
        Assert.Equal(["LANG", "PATH"], variables.Order());
        Assert.Contains("PATH=/usr/bin:/bin", lines);
        Assert.Contains("LANG=C.UTF-8", lines);
    }

    private static PythonCodeInspector Inspector() => new(Options.Create(new PythonOptions { Interpreter = "/usr/bin/python3" }));

    private string Write(string name, string code)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, code);
        return path;
    }
}
