using GigaEvo.Core.Python;

namespace GigaEvo.Core.Problems;

/// <summary>
/// Loads a problem directory in the Python GigaEvo layout and checks all of it before refusing: every defect
/// found (missing files, metrics.yaml errors, Python syntax errors, wrong signatures) is reported at once.
/// Python files are inspected by Python's own parser through <see cref="IPythonCodeInspector"/>; never run.
/// </summary>
public sealed class ProblemLoader(IPythonCodeInspector inspector) : IProblemLoader
{
    public async Task<ProblemDefinition> LoadAsync(string directory, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(root))
        {
            throw new ProblemValidationException(root, [File.Exists(root)
                ? $"Problem directory '{root}' is a file, not a directory"
                : $"Problem directory '{root}' does not exist"]);
        }

        var defects = new List<string>();
        var task = await ReadTaskDescriptionAsync(root, defects, ct);
        var metrics = await ReadMetricsAsync(root, defects, ct);
        var sources = new ProblemSources(
            root,
            Required(root, ProblemLayout.ValidatorFile, defects),
            Optional(root, ProblemLayout.HelperFile),
            Optional(root, ProblemLayout.ContextFile),
            FindInitialPrograms(root, defects));

        var files = sources.All.ToList();
        var inspections = await inspector.InspectAsync(files, ct);
        ProblemCodeRules.Check(
            sources, inspections.Select((r, i) => (files[i], r)).ToDictionary(), defects);

        if (defects.Count > 0)
        {
            throw new ProblemValidationException(root, defects);
        }
        var programs = new List<InitialProgram>();
        foreach (var path in sources.InitialPrograms)
        {
            programs.Add(new InitialProgram(
                Path.GetFileNameWithoutExtension(path), await File.ReadAllTextAsync(path, ct)));
        }
        return new ProblemDefinition
        {
            Name = Path.GetFileName(root),
            Directory = root,
            TaskDescription = task!,
            Metrics = metrics!,
            ValidatorPath = sources.Validator!,
            InitialPrograms = programs,
            HelperPath = sources.Helper,
            ContextPath = sources.Context,
            HasHoldoutContext = sources.Context is { } context
                && inspections[files.IndexOf(context)].FindFunction(ProblemLayout.BuildHoldoutContextFunction) is { IsAsync: false } holdout
                && holdout.AcceptsArguments(0),
        };
    }

    private static async Task<string?> ReadTaskDescriptionAsync(string root, List<string> defects, CancellationToken ct)
    {
        if (Required(root, ProblemLayout.TaskDescriptionFile, defects) is not { } path)
        {
            return null;
        }
        var text = (await File.ReadAllTextAsync(path, ct)).Trim();
        if (text.Length == 0)
        {
            defects.Add($"{ProblemLayout.TaskDescriptionFile} is empty; describe the task for the LLM");
            return null;
        }
        return text;
    }

    private static async Task<IReadOnlyList<MetricSpec>?> ReadMetricsAsync(
        string root, List<string> defects, CancellationToken ct)
    {
        if (Required(root, ProblemLayout.MetricsFile, defects) is not { } path)
        {
            return null;
        }
        var document = MetricsFileReader.Read(await File.ReadAllTextAsync(path, ct), defects);
        return document is null ? null : MetricRules.Apply(document, defects);
    }

    private static List<string> FindInitialPrograms(string root, List<string> defects)
    {
        var folder = Path.Combine(root, ProblemLayout.InitialProgramsFolder);
        if (!Directory.Exists(folder))
        {
            defects.Add(File.Exists(folder)
                ? $"{ProblemLayout.InitialProgramsFolder} is a file; it must be a folder of .py files"
                : $"Missing folder {ProblemLayout.InitialProgramsFolder}/ (the seed programs, *.py)");
            return [];
        }
        var programs = Directory.EnumerateFiles(folder, "*.py", SearchOption.TopDirectoryOnly)
            .Where(p => Path.GetFileName(p) != "__init__.py")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (programs.Count == 0)
        {
            defects.Add($"{ProblemLayout.InitialProgramsFolder}/ has no initial program; add at least one .py file defining entrypoint()");
        }
        return programs;
    }

    private static string? Required(string root, string name, List<string> defects)
    {
        var path = Path.Combine(root, name);
        if (File.Exists(path))
        {
            return path;
        }
        defects.Add(Directory.Exists(path) ? $"{name} is a folder; it must be a file" : $"Missing file {name}");
        return null;
    }

    private static string? Optional(string root, string name)
    {
        var path = Path.Combine(root, name);
        return File.Exists(path) ? path : null;
    }
}
