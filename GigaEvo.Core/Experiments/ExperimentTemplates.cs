using GigaEvo.Core.MachineLearning;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>A ready-made experiment: an ML template (a scikit-learn dataset and task) or an example problem.</summary>
public sealed record TemplateInfo(string Name, string Title, string Description, string Kind, string TaskType,
    string? Dataset, string? TargetColumn, string? Metric, int? Clusters);

/// <summary>Lists templates, pre-fills a create request from one (its dataset exported and stored too), and creates from one.</summary>
public sealed class ExperimentTemplates(MlTemplateService mlTemplates, DatasetService datasets, ExperimentCreator creator, IOptions<PlatformOptions> options)
{
    public const string MlKind = "ml";
    public const string ProblemKind = "problem";

    public static IReadOnlyList<TemplateInfo> List() =>
    [
        .. MlTemplateCatalog.All.Select(t => new TemplateInfo(t.Name, t.Title, t.Description, MlKind, t.Options.Task, t.Dataset,
            t.Options.Task == MlTasks.Clustering ? null : t.Options.Target, t.Options.Metric, t.Options.Clusters)),
        .. ProblemCatalog.ExampleNames().Where(n => MlTemplateCatalog.Find(n) is null).Select(n => new TemplateInfo(n, n,
            FirstLine(Path.Combine(ProblemCatalog.ExampleDirectory(n), "task_description.txt")), ProblemKind, TaskTypes.Custom, null, null, null, null)),
    ];

    public static TemplateInfo Find(string name) => List().FirstOrDefault(t => t.Name == name) ?? throw new NotFoundException("template", name);

    /// <summary>A complete request from the template; an ML template's dataset is exported and stored as a new dataset.</summary>
    public async Task<ExperimentRequest> PrefillAsync(string name, CancellationToken ct = default)
    {
        var template = Find(name);
        var request = new ExperimentRequest
        {
            Name = template.Title,
            Description = template.Description,
            TaskType = template.TaskType,
            Generations = options.Value.DefaultGenerations,
            Model = Models.LocalOperator,
            Template = template.Name,
        };
        if (template.Kind == ProblemKind)
        {
            return request with { Problem = template.Name };
        }
        var ml = MlTemplateCatalog.Find(name)!;
        var scratch = Directory.CreateTempSubdirectory("gigaevo-template-").FullName;
        try
        {
            var csv = Path.Combine(scratch, ml.Dataset + ".csv");
            await mlTemplates.ExportDatasetAsync(ml, csv, ct);
            await using var stream = File.OpenRead(csv);
            var dataset = await datasets.UploadAsync(ml.Dataset + ".csv", stream, ct);
            return request with { DatasetId = dataset.Dataset.Id, TargetColumn = template.TargetColumn, Metric = template.Metric, Clusters = template.Clusters };
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Creates from the template; any field set in <paramref name="changes"/> replaces the template's (except the task type, which it fixes).</summary>
    public async Task<Experiment> CreateAsync(string name, ExperimentRequest? changes, CancellationToken ct = default)
    {
        var template = Find(name);
        // Checked before the prefill, which stores a copy of an ML template's dataset.
        if (changes?.TaskType is { } task && task != template.TaskType)
        {
            throw FieldValidationException.For("taskType",
                $"Template '{name}' is a {template.TaskType} task; a template fixes its task type, so leave taskType out (or send '{template.TaskType}').");
        }
        return await creator.CreateAsync(Merge(await PrefillAsync(name, ct), changes), ct);
    }

    public static ExperimentRequest Merge(ExperimentRequest template, ExperimentRequest? changes) => changes is null ? template : template with
    {
        Name = changes.Name ?? template.Name,
        Description = changes.Description ?? template.Description,
        Generations = changes.Generations ?? template.Generations,
        Model = changes.Model ?? template.Model,
        Preset = changes.Preset ?? template.Preset,
        Islands = changes.Islands ?? template.Islands,
        Parallelism = changes.Parallelism ?? template.Parallelism,
        Seed = changes.Seed ?? template.Seed,
        Metric = changes.Metric ?? template.Metric,
        Clusters = changes.Clusters ?? template.Clusters,
        TargetColumn = changes.TargetColumn ?? template.TargetColumn,
        DatasetId = changes.DatasetId ?? template.DatasetId,
        // An uploaded problem replaces the template's example rather than clashing with it.
        Problem = changes.ProblemUploadId is null ? changes.Problem ?? template.Problem : changes.Problem,
        ProblemUploadId = changes.ProblemUploadId ?? template.ProblemUploadId,
        Overrides = changes.Overrides ?? template.Overrides,
    };

    private static string FirstLine(string path) =>
        File.Exists(path) ? File.ReadLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "" : "";
}
