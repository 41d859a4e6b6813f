using System.Diagnostics;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.MachineLearning;

/// <summary>Materialises a template: writes its scikit-learn dataset as CSV, then generates the problem.</summary>
public sealed class MlTemplateService(IOptions<PythonOptions> options)
{
    // Our own trusted script (not evolved code): it runs with the interpreter directly.
    private const string ExportScript = """
        import sys
        from sklearn import datasets
        name, target, out = sys.argv[1], sys.argv[2], sys.argv[3]
        data = getattr(datasets, "load_" + name)(as_frame=True)
        frame = data.frame.copy()
        labels = frame.pop("target")
        if target:
            names = getattr(data, "target_names", None)
            if names is not None and len(names) and str(labels.dtype).startswith("int"):
                labels = labels.map(lambda i: str(names[i]))
            frame[target] = labels
        frame.to_csv(out, index=False)
        """;

    public async Task ExportDatasetAsync(MlTemplate template, string csvPath, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo(options.Value.Interpreter) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(ExportScript);
        psi.ArgumentList.Add(template.Dataset);
        psi.ArgumentList.Add(template.Options.Task == MlTasks.Clustering ? "" : template.Options.Target ?? "");
        psi.ArgumentList.Add(csvPath);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {options.Value.Interpreter}");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exporting the '{template.Dataset}' dataset failed: {await stderr}");
        }
    }

    /// <summary>Writes the template's dataset and generates its problem directory in <paramref name="outDirectory"/>.</summary>
    public async Task<MlProblemGenerator.Result> CreateProblemAsync(MlTemplate template, string outDirectory, CancellationToken ct = default)
    {
        var scratch = Directory.CreateTempSubdirectory("gigaevo-template-").FullName;
        try
        {
            var csv = Path.Combine(scratch, template.Name + ".csv");
            await ExportDatasetAsync(template, csv, ct);
            return MlProblemGenerator.Generate(csv, template.Options, outDirectory);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
