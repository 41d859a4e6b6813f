using System.Net;
using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Infrastructure.LocalFiles;
using Microsoft.Extensions.DependencyInjection;

namespace GigaEvo.Tests.Web;

/// <summary>Delete and Drop All remove the files first: files that cannot go leave the experiment whole, with a 409 to retry.</summary>
public sealed class DeleteTests : IAsyncLifetime
{
    private readonly StubbornDeleteStore _store;
    private HttpClient _client = null!;

    public DeleteTests()
    {
        var data = Directory.CreateTempSubdirectory("gigaevo-delete-").FullName;
        _store = new StubbornDeleteStore(new LocalArtifactStore(Path.Combine(data, "artifacts")));
        Platform = new PlatformFactory(data, services => services.AddSingleton<IArtifactStore>(_store));
    }

    private PlatformFactory Platform { get; }

    [Fact]
    public async Task Delete_FilesStillInUse_RetriesThenAnswers409AndKeepsTheExperiment()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        var folder = Path.Combine(Platform.DataDirectory, "artifacts", "experiments", experiment.Id);
        Assert.True(Directory.Exists(folder));

        _store.Refusals = int.MaxValue;
        using (var refused = await _client.DeleteAsync($"/api/v1/experiments/{experiment.Id}"))
        {
            var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("try again", problem.GetProperty("detail").GetString());
        }
        Assert.Equal("INITIALIZED", (await _client.GetExperimentAsync(experiment.Id)).Status);
        Assert.True(Directory.Exists(folder));
        using (var dropAll = await _client.DeleteAsync("/api/v1/experiments"))
        {
            var problem = await dropAll.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(experiment.Id, problem.GetProperty("detail").GetString());
        }
        Assert.Equal("INITIALIZED", (await _client.GetExperimentAsync(experiment.Id)).Status);

        // Files busy for a moment only (a killed Python process still writing): the delete retries and succeeds.
        _store.Refusals = 2;
        using (var delete = await _client.DeleteAsync($"/api/v1/experiments/{experiment.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        Assert.False(Directory.Exists(folder));
        using var gone = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}");
        await gone.ProblemAsync(HttpStatusCode.NotFound);
    }

    public Task InitializeAsync()
    {
        _client = Platform.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await Platform.DisposeAsync();
        Directory.Delete(Platform.DataDirectory, recursive: true);
    }

    /// <summary>The local store, whose next <see cref="Refusals"/> deletes of an experiment fail as a folder still written to does.</summary>
    private sealed class StubbornDeleteStore(IArtifactStore inner) : IArtifactStore
    {
        private int _refusals;

        public int Refusals { get => Volatile.Read(ref _refusals); set => Volatile.Write(ref _refusals, value); }

        public string Description => inner.Description;

        public string LocalPath(string key) => inner.LocalPath(key);

        public Task SaveAsync(string key, Stream content, CancellationToken ct = default) => inner.SaveAsync(key, content, ct);

        public bool Exists(string key) => inner.Exists(key);

        public Task DeleteAsync(string key, CancellationToken ct = default)
        {
            if (key.StartsWith("experiments/", StringComparison.Ordinal) && Interlocked.Decrement(ref _refusals) >= 0)
            {
                throw new IOException($"Directory not empty : '{inner.LocalPath(key)}/runs/1/workspaces'");
            }
            return inner.DeleteAsync(key, ct);
        }

        public Task CheckAsync(CancellationToken ct = default) => inner.CheckAsync(ct);
    }
}
