using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Export;

/// <summary>
/// The best program packaged to run on its own: program, validator, context/helper, metrics, task,
/// run.py (and for ML problems train.py, predict.py and the data), metadata.json and a README.
/// </summary>
public static partial class ExportBundle
{
    /// <summary>Writes the bundle into <paramref name="folder"/> (created); returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, ProblemDefinition problem, RunResult result, string resolvedConfigYaml, IReadOnlyDictionary<string, string> versions)
    {
        var best = result.Best ?? throw new InvalidOperationException("the run has no valid program to export");
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Put(string name, string text)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
            written.Add(name);
        }
        void Copy(string? source, string name)
        {
            if (source is not null && File.Exists(source))
            {
                File.Copy(source, Path.Combine(folder, name), overwrite: true);
                written.Add(name);
            }
        }
        Put("program.py", best.Code);
        Copy(problem.ValidatorPath, "validate.py");
        Copy(problem.HelperPath, "helper.py");
        Copy(problem.ContextPath, "context.py");
        Copy(Path.Combine(problem.Directory, "metrics.yaml"), "metrics.yaml");
        Copy(Path.Combine(problem.Directory, "task_description.txt"), "task_description.txt");
        var ml = MlSpec.TryRead(problem.Directory);
        if (ml is not null)
        {
            Copy(Path.Combine(problem.Directory, MlSpec.FileName), MlSpec.FileName);
            Copy(Path.Combine(problem.Directory, ml.DataFile), ml.DataFile);
            foreach (var script in new[] { "run.py", "train.py", "predict.py" })
            {
                Put(script, MlTemplateFiles.Get("export/" + script));
            }
        }
        else
        {
            Put("run.py", GenericRunScript.Text);
        }
        Put("metadata.json", Metadata(problem, result, best, resolvedConfigYaml, versions).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        written.Add("README.md");
        File.WriteAllText(Path.Combine(folder, "README.md"), BundleReadme.Write(problem, result, ml));
        return written;
    }

    /// <summary>The same bundle as a zip file.</summary>
    public static void WriteZip(string zipPath, ProblemDefinition problem, RunResult result, string resolvedConfigYaml, IReadOnlyDictionary<string, string> versions)
    {
        var scratch = Directory.CreateTempSubdirectory("gigaevo-export-").FullName;
        try
        {
            Write(scratch, problem, result, resolvedConfigYaml, versions);
            File.Delete(zipPath);
            ZipFile.CreateFromDirectory(scratch, zipPath);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static JsonObject Metadata(ProblemDefinition problem, RunResult result, EvolvedProgram best, string config, IReadOnlyDictionary<string, string> versions)
    {
        var byId = result.Programs.ToDictionary(p => p.Id);
        var lineage = new JsonArray();
        for (var current = best; current is not null; current = current.Lineage.Parents.Count > 0 ? byId.GetValueOrDefault(current.Lineage.Parents[0]) : null)
        {
            lineage.Add(new JsonObject
            {
                ["id"] = current.Id.ToString(),
                ["generation"] = current.Lineage.Generation,
                ["mutation_kind"] = current.Lineage.MutationKind,
                ["model"] = current.Lineage.Model,
                ["note"] = current.Lineage.Note,
                [problem.Primary.Name] = current.Metrics.TryGetValue(problem.Primary.Name, out var v) ? v : null,
            });
        }
        var summary = RunOutputs.Summary(result, problem);
        return new JsonObject
        {
            ["problem"] = problem.Name,
            ["program_id"] = best.Id.ToString(),
            ["generation"] = best.Lineage.Generation,
            ["primary_metric"] = problem.Primary.Name,
            ["higher_is_better"] = problem.Primary.HigherIsBetter,
            ["metrics"] = new JsonObject(best.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            ["holdout_metrics"] = summary["holdout_metrics"]?.DeepClone(),
            ["lineage"] = lineage,
            ["run"] = new JsonObject
            {
                ["generations"] = result.Generations,
                ["programs_total"] = result.ProgramsTotal,
                ["programs_valid"] = result.ProgramsValid,
                ["best_initial_fitness"] = result.BestInitialFitness,
            },
            ["configuration"] = WithoutLocalPaths(config),
            ["versions"] = new JsonObject(versions.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
        };
    }

    /// <summary>
    /// The resolved configuration without this machine's folders: an absolute path (a value such as problem.dir or
    /// output.run_dir, or one echoed in a comment) keeps only its last segment, so a shared archive does not reveal
    /// the server's layout. URLs are left alone.
    /// </summary>
    internal static string WithoutLocalPaths(string yaml) =>
        LocalPath().Replace(yaml, m => "<local>/" + m.Value.TrimEnd('/', '\\').Split('/', '\\')[^1]);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|[=\s'""])(/[^\s'""#]+|[A-Za-z]:\\[^\s'""#]*)", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex LocalPath();
}
