using GigaEvo.Core.Configuration;
using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.ViewModels;

/// <summary>
/// The create wizard: the form, the choices each field offers (task types, metrics of the task, columns of
/// the uploaded dataset, presets, models, templates, example problems), the dataset preview, and the errors
/// of each field (<see cref="ErrorFor"/>) from the same checks the REST API applies.
/// </summary>
public sealed class CreateExperimentViewModel(
    ExperimentCreator creator,
    ExperimentTemplates templates,
    DatasetService datasets,
    ProblemCatalog problems,
    IOptions<PlatformOptions> options) : ViewModelBase
{
    public CreateExperimentForm Form { get; private set; } = new() { Generations = options.Value.DefaultGenerations };

    public static IReadOnlyList<string> TaskTypeChoices => TaskTypes.All;

    public IReadOnlyList<TemplateInfo> Templates { get; private set; } = [];

    public IReadOnlyList<ProblemInfo> ExampleProblems { get; private set; } = [];

    public IReadOnlyList<string> Presets { get; private set; } = [];

    public IReadOnlyList<string> ModelChoices => ExperimentRequestValidator.AllowedModels(options.Value);

    /// <summary>The largest upload the page accepts (the REST API's limit too).</summary>
    public long MaxUploadBytes => options.Value.MaxUploadMb * 1024L * 1024L;

    /// <summary>The fields inside the collapsed "Advanced" panel (the page opens it when one of them is refused).</summary>
    public static IReadOnlyList<string> AdvancedFields { get; } = ["preset", "islands", "parallelism", "seed", "overrides"];

    public bool HasAdvancedErrors => AdvancedFields.Any(Errors.ContainsKey);

    /// <summary>The uploaded (or template) dataset with its first rows.</summary>
    public DatasetDto? Dataset { get; private set; }

    /// <summary>The uploaded problem directory, once validated.</summary>
    public ProblemInfo? UploadedProblem { get; private set; }

    /// <summary>The experiment made by the last successful <see cref="SubmitAsync"/>.</summary>
    public ExperimentDto? Created { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The columns a target may be picked from.</summary>
    public IReadOnlyList<string> TargetColumns => Dataset?.Columns.Select(c => c.Name).ToList() ?? [];

    /// <summary>The task's metrics; for a custom problem, its primary metric.</summary>
    public IReadOnlyList<string> MetricChoices => Form.IsCustom
        ? (UploadedProblem ?? ExampleProblems.FirstOrDefault(p => p.Name == Form.Problem)) is { } p ? [p.PrimaryMetric] : []
        : TaskTypes.All.Contains(Form.TaskType) ? ExperimentRequestValidator.MetricNames(Form.TaskType) : [];

    /// <summary>The messages of one field (<c>name</c>, <c>taskType</c>, <c>datasetId</c>, <c>file</c>, <c>targetColumn</c>…), or null.</summary>
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public async Task LoadAsync()
    {
        Templates = ExperimentTemplates.List();
        Presets = ConfigComposer.ListPresets(GigaEvoPaths.RequirePresetsDirectory());
        ExampleProblems = await problems.ListExamplesAsync();
        await NotifyAsync();
    }

    /// <summary>Keeps the metric valid when the task changes.</summary>
    public void SetTaskType(string taskType)
    {
        Form.TaskType = taskType;
        if (Form.Metric is { } metric && !MetricChoices.Contains(metric))
        {
            Form.Metric = null;
        }
    }

    /// <summary>Picks an example problem of <c>problems/</c> (instead of an uploaded one).</summary>
    public void SetProblem(string? name)
    {
        Form.Problem = name;
        if (name is not null)
        {
            ClearUploadedProblem();
        }
        if (Form.Metric is { } metric && !MetricChoices.Contains(metric))
        {
            Form.Metric = null;
        }
    }

    /// <summary>A file picked in the browser as the dataset; over the limit it is refused next to the field, unread.</summary>
    public Task<bool> UploadDatasetAsync(IBrowserFile file) => UploadAsync(file, ClearDataset, UploadDatasetAsync);

    /// <summary>A file picked in the browser as the problem directory (zip).</summary>
    public Task<bool> UploadProblemAsync(IBrowserFile file) => UploadAsync(file, ClearUploadedProblem, UploadProblemAsync);

    public Task<bool> UploadDatasetAsync(Stream content, string fileName) => FieldActionAsync(async () =>
    {
        ClearDataset();
        var preview = await datasets.UploadAsync(fileName, content);
        Dataset = DatasetDto.From(preview);
        Form.DatasetId = Dataset.Id;
        if (Form.TargetColumn is null || !TargetColumns.Contains(Form.TargetColumn))
        {
            Form.TargetColumn = TargetColumns.Count > 0 ? TargetColumns[^1] : null;
        }
    }, $"{fileName} uploaded");

    public Task<bool> UploadProblemAsync(Stream content, string fileName) => FieldActionAsync(async () =>
    {
        ClearUploadedProblem();
        UploadedProblem = await problems.UploadZipAsync(fileName, content);
        Form.TaskType = TaskTypes.Custom;
        Form.ProblemUploadId = UploadedProblem.Id;
        Form.Problem = null;
        Form.Metric = UploadedProblem.PrimaryMetric;
    }, $"{fileName} is a valid problem directory");

    /// <summary>Pre-fills everything from a template, its dataset included (exported and stored as a new dataset).</summary>
    public Task<bool> ApplyTemplateAsync(string name) => FieldActionAsync(async () =>
    {
        var request = await templates.PrefillAsync(name);
        Form = CreateExperimentForm.From(request);
        UploadedProblem = null;
        Dataset = request.DatasetId is { } id ? DatasetDto.From(await datasets.PreviewAsync(id)) : null;
    }, $"template {name} applied");

    /// <summary>The checks that need no server round trip, shown before submitting.</summary>
    public bool Validate()
    {
        Errors = ExperimentRequestValidator.Validate(Form.ToRequest(), options.Value, Presets.Count > 0 ? Presets : [Form.Preset]);
        return Errors.Count == 0;
    }

    /// <summary>Creates the experiment; on refusal <see cref="Errors"/> says why, field by field.</summary>
    public async Task<bool> SubmitAsync()
    {
        Created = null;
        if (!Validate())
        {
            await NotifyAsync();
            return false;
        }
        return await FieldActionAsync(async () => Created = ExperimentDto.From(await creator.CreateAsync(Form.ToRequest())), null)
            && Created is not null;
    }

    // A refused upload leaves no previous one behind, so the form never goes on with an old file unnoticed.
    private void ClearDataset()
    {
        Dataset = null;
        Form.DatasetId = null;
    }

    private void ClearUploadedProblem()
    {
        UploadedProblem = null;
        Form.ProblemUploadId = null;
    }

    private async Task<bool> UploadAsync(IBrowserFile file, Action clear, Func<Stream, string, Task<bool>> upload)
    {
        if (file.Size > MaxUploadBytes)
        {
            clear();
            return await FieldActionAsync(() => throw FieldValidationException.For("file",
                $"{file.Name} is over the upload limit of {options.Value.MaxUploadMb} MiB (Platform:MaxUploadMb)."), null);
        }
        // Buffered first: the browser stream is async-only and the services may read it synchronously.
        using var buffer = new MemoryStream();
        try
        {
            await using var stream = file.OpenReadStream(MaxUploadBytes);
            await stream.CopyToAsync(buffer);
        }
        catch (IOException e)
        {
            clear();
            return await FieldActionAsync(() => throw FieldValidationException.For("file", $"{file.Name} could not be read: {e.Message}"), null);
        }
        buffer.Position = 0;
        return await upload(buffer, file.Name);
    }

    private async Task<bool> FieldActionAsync(Func<Task> action, string? success)
    {
        Errors = new Dictionary<string, string[]>();
        return await RunAsync(async () =>
        {
            try
            {
                await action();
            }
            catch (FieldValidationException e)
            {
                Errors = e.Errors;
                throw;
            }
        }, success);
    }
}
