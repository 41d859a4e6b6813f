using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GigaEvo.Core.Pipeline;

/// <summary>Results of deterministic stages keyed by stage and code, so identical programs are not evaluated twice.</summary>
public interface IStageCache
{
    bool TryGet(string key, out StageRun run);

    void Set(string key, StageRun run);
}

public sealed class MemoryStageCache : IStageCache
{
    private readonly ConcurrentDictionary<string, StageRun> _runs = new();

    public int Count => _runs.Count;

    public bool TryGet(string key, out StageRun run) => _runs.TryGetValue(key, out run!);

    public void Set(string key, StageRun run) => _runs[key] = run;

    public static string Key(string stage, string code) =>
        stage + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
