using GigaEvo.Core.Experiments;
using GigaEvo.Core.MachineLearning;

namespace GigaEvo.Web.ViewModels;

/// <summary>The create page's form, bound field by field; <see cref="ToRequest"/> makes the request.</summary>
public sealed class CreateExperimentForm
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string TaskType { get; set; } = MlTasks.Classification;
    public string? DatasetId { get; set; }
    /// <summary>Custom task: an example problem name.</summary>
    public string? Problem { get; set; }
    /// <summary>Custom task: an uploaded problem's id.</summary>
    public string? ProblemUploadId { get; set; }
    public string? TargetColumn { get; set; }
    public string? Metric { get; set; }
    public int? Clusters { get; set; } = 3;
    public int Generations { get; set; } = 10;
    public string Model { get; set; } = Models.LocalOperator;
    public string Preset { get; set; } = "base";
    public int? Islands { get; set; }
    public int? Parallelism { get; set; }
    public int? Seed { get; set; }
    /// <summary>Further <c>key=value</c> overrides, one per line.</summary>
    public string OverridesText { get; set; } = "";
    public string? Template { get; set; }

    public bool IsCustom => TaskType == TaskTypes.Custom;

    public ExperimentRequest ToRequest() => new()
    {
        Name = Name,
        Description = Description,
        TaskType = TaskType,
        DatasetId = IsCustom ? null : DatasetId,
        Problem = IsCustom && ProblemUploadId is null ? Problem : null,
        ProblemUploadId = IsCustom ? ProblemUploadId : null,
        TargetColumn = IsCustom || TaskType == MlTasks.Clustering ? null : TargetColumn,
        Metric = string.IsNullOrEmpty(Metric) ? null : Metric,
        Clusters = TaskType == MlTasks.Clustering ? Clusters : null,
        Generations = Generations,
        Model = Model,
        Preset = Preset,
        Islands = Islands,
        Parallelism = Parallelism,
        Seed = Seed,
        Overrides = [.. OverridesText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Template = Template,
    };

    public static CreateExperimentForm From(ExperimentRequest r) => new()
    {
        Name = r.Name ?? "",
        Description = r.Description ?? "",
        TaskType = r.TaskType ?? MlTasks.Classification,
        DatasetId = r.DatasetId,
        Problem = r.Problem,
        ProblemUploadId = r.ProblemUploadId,
        TargetColumn = r.TargetColumn,
        Metric = r.Metric,
        Clusters = r.Clusters ?? 3,
        Generations = r.Generations ?? 10,
        Model = r.Model ?? Models.LocalOperator,
        Preset = r.Preset ?? "base",
        Islands = r.Islands,
        Parallelism = r.Parallelism,
        Seed = r.Seed,
        OverridesText = string.Join('\n', r.Overrides ?? []),
        Template = r.Template,
    };
}
