using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>A problem directory as the create page lists it.</summary>
public sealed record ProblemInfo(string Id, string Name, string Source, string PrimaryMetric, bool HigherIsBetter,
    IReadOnlyList<string> Metrics, int InitialPrograms, string TaskDescription);

/// <summary>The example problems of <c>problems/</c> and uploaded problem directories (zip files), validated on arrival.</summary>
public sealed class ProblemCatalog(IProblemLoader loader, IArtifactStore artifacts, IOptions<PlatformOptions> options)
{
    public const string ExampleSource = "example";
    public const string UploadSource = "upload";

    public static IReadOnlyList<string> ExampleNames() =>
        GigaEvoPaths.FindProblemsDirectory() is { } root
            ? [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>()
                .Where(n => !n.StartsWith('.') && !n.StartsWith('_')).Order(StringComparer.Ordinal)]
            : [];

    public async Task<IReadOnlyList<ProblemInfo>> ListExamplesAsync(CancellationToken ct = default)
    {
        var infos = new List<ProblemInfo>();
        foreach (var name in ExampleNames())
        {
            infos.Add(Info(name, ExampleSource, await loader.LoadAsync(ExampleDirectory(name), ct)));
        }
        return infos;
    }

    /// <summary>The folder of an example problem; <see cref="NotFoundException"/> when there is none of that name.</summary>
    public static string ExampleDirectory(string name) =>
        ExampleNames().Contains(name) ? Path.Combine(GigaEvoPaths.RequireProblemsDirectory(), name) : throw new NotFoundException("problem", name);

    /// <summary>The folder of an uploaded problem.</summary>
    public string UploadedDirectory(string uploadId)
    {
        var key = ArtifactKeys.UploadedProblem(uploadId);
        if (!ArtifactKeys.IsSafe(key) || !artifacts.Exists(key))
        {
            throw new NotFoundException("uploaded problem", uploadId);
        }
        var root = artifacts.LocalPath(key);
        return Directory.EnumerateDirectories(root).Single();
    }

    /// <summary>Unpacks a zip of one problem directory (at the top or in one folder) and validates it; defects are field errors.</summary>
    public async Task<ProblemInfo> UploadZipAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        if (!fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw FieldValidationException.For("file", $"'{fileName}' is not a .zip file of a problem directory");
        }
        var id = "UP-" + Guid.NewGuid().ToString("N")[..12];
        var key = ArtifactKeys.UploadedProblem(id);
        await artifacts.SaveAsync(key + ".zip", content, ct);
        var zip = artifacts.LocalPath(key + ".zip");
        try
        {
            if (new FileInfo(zip).Length > (long)options.Value.MaxUploadMb * 1024 * 1024)
            {
                throw new TooLargeException($"{fileName} is over the upload limit of {options.Value.MaxUploadMb} MiB (Platform:MaxUploadMb)");
            }
            var name = Path.GetFileNameWithoutExtension(DatasetService.SafeFileName(fileName));
            var directory = Unpack(zip, artifacts.LocalPath(key), name, options.Value, ct);
            var problem = await loader.LoadAsync(directory, ct);
            return Info(id, UploadSource, problem);
        }
        catch (Exception e) when (e is ProblemValidationException or InvalidDataException or IOException or TooLargeException or OperationCanceledException)
        {
            await artifacts.DeleteAsync(key, CancellationToken.None);
            throw e switch
            {
                ProblemValidationException p => new FieldValidationException(new Dictionary<string, string[]> { ["file"] = [.. p.Defects] }),
                TooLargeException or OperationCanceledException => e,
                _ => FieldValidationException.For("file", $"{fileName} is not a readable zip file: {e.Message}"),
            };
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static string Unpack(string zip, string destination, string name, PlatformOptions options, CancellationToken ct)
    {
        var scratch = Path.Combine(destination, ".unpack");
        ProblemZip.Extract(zip, scratch, (long)options.MaxProblemUnpackedMb * 1024 * 1024, options.MaxProblemEntries, ct);
        var entries = Directory.GetFileSystemEntries(scratch);
        var root = entries.Length == 1 && Directory.Exists(entries[0]) ? entries[0] : scratch;
        var target = Path.Combine(destination, root == scratch ? name : Path.GetFileName(root));
        Directory.Move(root, target);
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
        return target;
    }

    public static ProblemInfo Info(string id, string source, ProblemDefinition problem) => new(
        id, problem.Name, source, problem.Primary.Name, problem.Primary.HigherIsBetter,
        [.. problem.Metrics.Select(m => m.Name)], problem.InitialPrograms.Count, problem.TaskDescription);
}
