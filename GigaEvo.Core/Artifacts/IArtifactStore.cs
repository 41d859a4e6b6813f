namespace GigaEvo.Core.Artifacts;

/// <summary>
/// Files of the platform (datasets, problem directories, run folders, archives), addressed by keys such as
/// <c>datasets/DS-…/iris.csv</c> or <c>experiments/EXP-…/runs/1</c>. Python and the engine work on local
/// files, so every key also has a local working path: the local adapter's own folder; an S3 adapter would
/// mirror the key there before use and upload after.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Human description for health reports (e.g. <c>local folder /data/artifacts</c>).</summary>
    string Description { get; }

    /// <summary>The local path of <paramref name="key"/> (file or folder), creating parent folders.</summary>
    string LocalPath(string key);

    Task SaveAsync(string key, Stream content, CancellationToken ct = default);

    bool Exists(string key);

    /// <summary>Deletes the file or the whole folder at <paramref name="key"/>; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Writes, reads back and deletes a probe; throws with the reason when the store is unusable.</summary>
    Task CheckAsync(CancellationToken ct = default);
}

public static class ArtifactKeys
{
    public static string Dataset(string datasetId, string fileName) => $"datasets/{datasetId}/{fileName}";

    public static string Experiment(string experimentId) => $"experiments/{experimentId}";

    public static string Problem(string experimentId, string problemName) => $"experiments/{experimentId}/problem/{problemName}";

    public static string Run(string experimentId, int runNumber) => $"experiments/{experimentId}/runs/{runNumber}";

    public static string UploadedProblem(string uploadId) => $"uploads/problems/{uploadId}";

    /// <summary>Keys are relative, '/'-separated, and never climb out of the store.</summary>
    public static bool IsSafe(string key) =>
        key.Length > 0 && !key.StartsWith('/') && !key.Contains('\\', StringComparison.Ordinal)
        && key.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
