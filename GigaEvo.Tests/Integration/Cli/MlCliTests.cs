using System.Diagnostics;
using System.Text.Json;

namespace GigaEvo.Tests.Integration.Cli;

/// <summary>The ML verbs end to end: template → problem → evolve → export bundle whose scripts run on their own.</summary>
public sealed class MlCliTests
{
    [Fact]
    public async Task MlTemplates_Lists_EveryTemplate()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(Path.GetTempPath(), "ml-templates");
        Assert.True(code == 0, stderr);
        foreach (var name in new[] { "iris", "wine", "breast_cancer", "diabetes", "digits", "wine_clusters" })
        {
            Assert.Contains(name, stdout);
        }
    }

    [Fact]
    public async Task MlProblem_BadDataset_ExitsWithTheReasonAndCreatesNothing()
    {
        var cwd = Directory.CreateTempSubdirectory("gigaevo-mlcli-").FullName;
        await File.WriteAllTextAsync(Path.Combine(cwd, "d.csv"), "a,b\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"{i},{i % 2}\n")));
        var (code, _, stderr) = await CliProcess.RunAsync(cwd, "ml-problem", "d.csv", "task=classification", "target=label", "out=p");
        Assert.Equal(2, code);
        Assert.Contains("target column 'label' not found", stderr);
        Assert.False(Directory.Exists(Path.Combine(cwd, "p")));
    }

    [Fact]
    public async Task EvolveMlProblem_ExportBundleScriptsRunOnTheirOwn()
    {
        var cwd = Directory.CreateTempSubdirectory("gigaevo-mlexport-").FullName;
        var (code, stdout, stderr) = await CliProcess.RunAsync(cwd, "ml-templates", "iris", "out=iris");
        Assert.True(code == 0, stdout + stderr);
        var csv = Path.Combine(cwd, "iris", "data.csv");
        (code, stdout, stderr) = await CliProcess.RunAsync(cwd, "evolve", "problem.dir=iris", "max_generations=2", "programs_per_generation=3", "output.run_dir=run");
        Assert.True(code == 0, stdout + stderr);
        using (var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cwd, "run", "summary.json"))))
        {
            Assert.Equal("f1_macro", summary.RootElement.GetProperty("primary_metric").GetString());
            Assert.True(summary.RootElement.GetProperty("holdout_fitness").GetDouble() > 0.5);
        }
        var export = Path.Combine(cwd, "run", "export");
        foreach (var file in new[] { "program.py", "validate.py", "context.py", "helper.py", "metrics.yaml", "task_description.txt", "ml_spec.json", "data.csv", "run.py", "train.py", "predict.py", "metadata.json", "README.md" })
        {
            Assert.True(File.Exists(Path.Combine(export, file)), file);
        }
        using (var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(export, "metadata.json"))))
        {
            Assert.True(metadata.RootElement.GetProperty("lineage").GetArrayLength() >= 1);
            Assert.Contains("max_generations: 2", metadata.RootElement.GetProperty("configuration").GetString());
            Assert.False(string.IsNullOrEmpty(metadata.RootElement.GetProperty("versions").GetProperty("sklearn").GetString()));
        }
        var unpacked = Path.Combine(cwd, "unpacked");
        CopyDirectory(export, unpacked);
        var run = await PythonAsync(unpacked, "run.py");
        Assert.Contains("f1_macro", run);
        await PythonAsync(unpacked, "train.py");
        Assert.True(File.Exists(Path.Combine(unpacked, "model.joblib")));
        var features = (await File.ReadAllLinesAsync(csv)).Select(l => string.Join(',', l.Split(',').SkipLast(1))).ToList();
        await File.WriteAllLinesAsync(Path.Combine(unpacked, "new.csv"), features);
        await PythonAsync(unpacked, "predict.py", "new.csv", "--out", "predictions.csv");
        var predictions = await File.ReadAllLinesAsync(Path.Combine(unpacked, "predictions.csv"));
        Assert.Equal(features.Count, predictions.Length);
        Assert.Contains("prediction", predictions[0]);
    }

    private static async Task<string> PythonAsync(string cwd, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"python3 {string.Join(' ', args)} failed:\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
