using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// Creates an experiment: checks every field, prepares its own copy of the problem directory (generated
/// from the dataset for ML tasks; copied for custom ones) and loads it, composes its configuration, and
/// only then records it (PENDING, then INITIALIZED once the problem is in place). Nothing is kept on refusal.
/// </summary>
public sealed class ExperimentCreator(
    IDbContextFactory<PlatformDbContext> dbFactory,
    IArtifactStore artifacts,
    DatasetService datasets,
    ProblemCatalog problems,
    IProblemLoader loader,
    ExperimentTransitions transitions,
    IOptions<PlatformOptions> options,
    TimeProvider time,
    ILogger<ExperimentCreator> logger)
{
    public async Task<Experiment> CreateAsync(ExperimentRequest request, CancellationToken ct = default)
    {
        var presets = ConfigComposer.ListPresets(GigaEvoPaths.RequirePresetsDirectory());
        var errors = ExperimentRequestValidator.Validate(request, options.Value, presets);
        // What needs the database or the files joins the same list, so one 400 names every bad field.
        await CheckReferencesAsync(request, errors, ct);
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
        var stagingKey = $"staging/{Guid.NewGuid():N}";
        try
        {
            var (problem, datasetId) = await StageProblemAsync(request, artifacts.LocalPath(stagingKey), ct);
            var experiment = Draft(request, problem, datasetId);
            CheckConfiguration(experiment, problem.Directory);
            await InsertAsync(experiment, ct);
            var key = ArtifactKeys.Problem(experiment.Id, problem.Name);
            Directory.Move(problem.Directory, artifacts.LocalPath(key));
            return await transitions.MoveAsync(experiment.Id, ExperimentStatus.Initialized, "initialize",
                $"problem '{problem.Name}' ready: {problem.InitialPrograms.Count} initial programs, primary metric {problem.Primary.Name}",
                e => e.ProblemKey = key, ct);
        }
        finally
        {
            await artifacts.DeleteAsync(stagingKey, CancellationToken.None);
        }
    }

    private async Task<(ProblemDefinition Problem, string? DatasetId)> StageProblemAsync(ExperimentRequest r, string staging, CancellationToken ct)
    {
        string directory;
        if (r.TaskType == TaskTypes.Custom)
        {
            var source = r.Problem is { Length: > 0 } name ? Find(() => ProblemCatalog.ExampleDirectory(name), "problem")
                : Find(() => problems.UploadedDirectory(r.ProblemUploadId!), "problemUploadId");
            directory = Path.Combine(staging, Path.GetFileName(source));
            CopyDirectory(source, directory);
        }
        else
        {
            var dataset = await FindAsync(() => datasets.GetAsync(r.DatasetId!, ct), "datasetId");
            CheckColumns(r, dataset);
            directory = Path.Combine(staging, Path.GetFileNameWithoutExtension(dataset.FileName));
            try
            {
                MlProblemGenerator.Generate(datasets.LocalPath(dataset), MlOptions(r, dataset), directory);
            }
            catch (DatasetException e)
            {
                throw FieldValidationException.For(FieldOf(e.Message), e.Message);
            }
        }
        ProblemDefinition problem;
        try
        {
            problem = await loader.LoadAsync(directory, ct);
        }
        catch (ProblemValidationException e)
        {
            throw new FieldValidationException(new Dictionary<string, string[]> { ["problem"] = [.. e.Defects] });
        }
        if (r.TaskType == TaskTypes.Custom && r.Metric is { } metric && metric != problem.Primary.Name)
        {
            throw FieldValidationException.For("metric", $"The problem's primary metric is '{problem.Primary.Name}' (metrics.yaml), not '{metric}'.");
        }
        return (problem, r.TaskType == TaskTypes.Custom ? null : r.DatasetId);
    }

    /// <summary>Adds a refusal for an unknown dataset, a target column the dataset lacks, or an unknown problem.</summary>
    private async Task CheckReferencesAsync(ExperimentRequest r, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];
        if (errors.ContainsKey("taskType"))
        {
            return;
        }
        if (r.TaskType == TaskTypes.Custom)
        {
            if (r.Problem is { Length: > 0 } name && !ProblemCatalog.ExampleNames().Contains(name))
            {
                Add("problem", $"problem '{name}' not found; choose one of: {string.Join(", ", ProblemCatalog.ExampleNames())}.");
            }
            if (r.ProblemUploadId is { Length: > 0 } upload)
            {
                try
                {
                    problems.UploadedDirectory(upload);
                }
                catch (NotFoundException e)
                {
                    Add("problemUploadId", e.Message + "; upload the zip with POST /api/v1/problems first.");
                }
            }
            return;
        }
        if (string.IsNullOrWhiteSpace(r.DatasetId) || errors.ContainsKey("datasetId"))
        {
            return;
        }
        try
        {
            var dataset = await datasets.GetAsync(r.DatasetId, ct);
            if (!errors.ContainsKey("targetColumn"))
            {
                CheckColumns(r, dataset);
            }
        }
        catch (NotFoundException e)
        {
            Add("datasetId", e.Message + "; upload it with POST /api/v1/datasets first.");
        }
        catch (FieldValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                Array.ForEach(messages, m => Add(field, m));
            }
        }
    }

    private static MlTaskOptions MlOptions(ExperimentRequest r, Dataset dataset) => new()
    {
        Task = r.TaskType!,
        Target = r.TaskType == MlTasks.Clustering ? null : r.TargetColumn,
        Metric = r.Metric,
        Clusters = r.TaskType == MlTasks.Clustering ? r.Clusters ?? 3 : null,
        Seed = r.Seed ?? 42,
        Name = Path.GetFileNameWithoutExtension(dataset.FileName),
    };

    private static void CheckColumns(ExperimentRequest r, Dataset dataset)
    {
        if (r.TaskType != MlTasks.Clustering && dataset.Columns.All(c => c.Name != r.TargetColumn))
        {
            throw FieldValidationException.For("targetColumn",
                $"'{r.TargetColumn}' is not a column of {dataset.FileName}; columns: {string.Join(", ", dataset.Columns.Select(c => c.Name))}.");
        }
    }

    /// <summary>The generator's one-line refusals name what they are about; the form shows each next to its field.</summary>
    private static string FieldOf(string message) =>
        message.Contains("target", StringComparison.OrdinalIgnoreCase) ? "targetColumn"
        : message.Contains("metric", StringComparison.OrdinalIgnoreCase) ? "metric"
        : message.Contains("cluster", StringComparison.OrdinalIgnoreCase) ? "clusters"
        : "datasetId";

    private Experiment Draft(ExperimentRequest r, ProblemDefinition problem, string? datasetId) => new()
    {
        Id = "",
        Name = r.Name!.Trim(),
        Description = r.Description?.Trim() ?? "",
        TaskType = r.TaskType!,
        DatasetId = datasetId,
        Template = r.Template,
        ProblemKey = "",
        TargetColumn = r.TaskType is TaskTypes.Custom or MlTasks.Clustering ? null : r.TargetColumn,
        Metric = problem.Primary.Name,
        HigherIsBetter = problem.Primary.HigherIsBetter,
        Generations = r.Generations ?? options.Value.DefaultGenerations,
        Model = r.Model ?? Models.LocalOperator,
        Preset = r.Preset ?? ConfigComposer.DefaultPreset,
        Overrides = ExperimentOverrides.FromRequest(r),
    };

    private void CheckConfiguration(Experiment draft, string problemDirectory)
    {
        try
        {
            ConfigComposer.Compose(GigaEvoPaths.RequirePresetsDirectory(),
                ExperimentOverrides.ForRun(draft, problemDirectory, Path.Combine(Path.GetTempPath(), "unused"), options.Value));
        }
        catch (ConfigurationException e)
        {
            throw FieldValidationException.For("overrides", e.Message);
        }
    }

    private async Task InsertAsync(Experiment experiment, CancellationToken ct)
    {
        // Two creations at the same moment may take the same daily number; the loser retries with the next.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = time.GetUtcNow();
            experiment.Id = await ExperimentIds.NextAsync(db, now, ct);
            experiment.CreatedAt = now;
            db.Experiments.Add(experiment);
            var change = transitions.Apply(db, experiment, ExperimentStatus.Pending, "created");
            db.Audit(now, "experiment.create", experiment.Id, $"{experiment.Name} ({experiment.TaskType})");
            try
            {
                await db.SaveChangesAsync(ct);
                await transitions.PublishAsync(change);
                logger.LogInformation("Created experiment {Id} '{Name}' ({Task})", experiment.Id, experiment.Name, experiment.TaskType);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                experiment.History.Clear();
            }
        }
    }

    private static string Find(Func<string> resolve, string field)
    {
        try
        {
            return resolve();
        }
        catch (NotFoundException e)
        {
            throw FieldValidationException.For(field, e.Message);
        }
    }

    private static async Task<T> FindAsync<T>(Func<Task<T>> resolve, string field)
    {
        try
        {
            return await resolve();
        }
        catch (NotFoundException e)
        {
            throw FieldValidationException.For(field, e.Message);
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Contains("__pycache__"))
            {
                continue;
            }
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
