using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Programs;

namespace GigaEvo.Tests.Unit.Programs;

public sealed class FileProgramStoreTests
{
    private static EvolvedProgram New(string code = "x = 1") => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        CreatedAt = DateTimeOffset.UtcNow,
        Lineage = new Lineage { MutationKind = "initial" },
    };

    [Fact]
    public async Task TryTransition_FromWrongState_ChangesNothing()
    {
        var store = FileProgramStore.Open(Directory.CreateTempSubdirectory().FullName, "r");
        var p = New();
        await store.AddAsync(p);
        Assert.False(await store.TryTransitionAsync(p.Id, ProgramState.ProcessingStarted, ProgramState.ProcessingCompleted));
        Assert.Equal(ProgramState.Fresh, (await store.GetAsync(p.Id))!.State);
    }

    [Fact]
    public async Task TryTransition_ForbiddenTransition_Throws()
    {
        var store = FileProgramStore.Open(Directory.CreateTempSubdirectory().FullName, "r");
        var p = New();
        await store.AddAsync(p);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.TryTransitionAsync(p.Id, ProgramState.Fresh, ProgramState.Evolving));
        Assert.Contains("FRESH -> EVOLVING", e.Message);
    }

    [Fact]
    public async Task TryTransition_Concurrent_ExactlyOneWins()
    {
        var store = FileProgramStore.Open(Directory.CreateTempSubdirectory().FullName, "r");
        var p = New();
        await store.AddAsync(p);
        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.TryTransitionAsync(p.Id, ProgramState.Fresh, ProgramState.ProcessingStarted))));
        Assert.Equal(1, wins.Count(w => w));
    }

    [Fact]
    public async Task Reopen_RestoresProgramsStatesAndRunState()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var store = FileProgramStore.Open(dir, "r");
        var p = New("y = 2");
        await store.AddAsync(p);
        await store.TryTransitionAsync(p.Id, ProgramState.Fresh, ProgramState.ProcessingStarted,
            x => x with { Metrics = new() { ["fitness"] = double.NaN } });
        await store.SaveRunStateAsync("{\"generation\":3}");
        File.WriteAllText(Path.Combine(dir, "programs", "interrupted.json.tmp"), "{ half a wri");

        var reopened = FileProgramStore.Open(dir, "r");
        var back = (await reopened.GetAsync(p.Id))!;
        Assert.Equal(ProgramState.ProcessingStarted, back.State);
        Assert.Equal("y = 2", back.Code);
        Assert.True(double.IsNaN(back.Metrics["fitness"]));
        Assert.Equal([p.Id], await reopened.GetIdsInStateAsync(ProgramState.ProcessingStarted));
        Assert.Equal("{\"generation\":3}", await reopened.GetRunStateAsync());
        Assert.False(File.Exists(Path.Combine(dir, "programs", "interrupted.json.tmp")));
    }
}
