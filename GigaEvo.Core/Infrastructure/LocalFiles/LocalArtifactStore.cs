using GigaEvo.Core.Artifacts;

namespace GigaEvo.Core.Infrastructure.LocalFiles;

/// <summary>The embedded artifact store: a folder on this machine.</summary>
public sealed class LocalArtifactStore(string root) : IArtifactStore
{
    private readonly string _root = Path.GetFullPath(root);

    public string Description => "local folder " + _root;

    public string LocalPath(string key)
    {
        if (!ArtifactKeys.IsSafe(key))
        {
            throw new ArgumentException($"artifact key '{key}' is not a safe relative path", nameof(key));
        }
        var path = Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken ct = default)
    {
        var path = LocalPath(key);
        var tmp = path + ".upload";
        await using (var file = File.Create(tmp))
        {
            await content.CopyToAsync(file, ct);
        }
        File.Move(tmp, path, overwrite: true);
    }

    public bool Exists(string key)
    {
        var path = LocalPath(key);
        return File.Exists(path) || Directory.Exists(path);
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = LocalPath(key);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }

    public async Task CheckAsync(CancellationToken ct = default)
    {
        var probe = LocalPath($"health/{Guid.NewGuid():N}.probe");
        await File.WriteAllTextAsync(probe, "ok", ct);
        var text = await File.ReadAllTextAsync(probe, ct);
        File.Delete(probe);
        if (text != "ok")
        {
            throw new IOException($"{Description}: a probe file read back differently");
        }
    }
}
