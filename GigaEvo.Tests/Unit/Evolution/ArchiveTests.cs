using GigaEvo.Core.Configuration;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Problems;

namespace GigaEvo.Tests.Unit.Evolution;

public sealed class ArchiveTests
{
    internal static ProblemDefinition Problem(bool higherIsBetter = true) => new()
    {
        Name = "t",
        Directory = "/tmp",
        TaskDescription = "t",
        Metrics =
        [
            new MetricSpec { Name = "score", IsPrimary = true, HigherIsBetter = higherIsBetter, LowerBound = 0, UpperBound = 10, SentinelValue = higherIsBetter ? -1 : 11 },
            new MetricSpec { Name = "is_valid", LowerBound = 0, UpperBound = 1 },
        ],
        ValidatorPath = "/tmp/validate.py",
        InitialPrograms = [],
    };

    private static Elite E(double score, bool valid = true, double complexity = 10) =>
        new(Guid.NewGuid(), score, new Dictionary<string, double> { ["score"] = score, ["is_valid"] = valid ? 1 : 0, ["complexity"] = complexity }, valid);

    [Fact]
    public void TryAdd_SameCell_KeepsTheBetterProgram()
    {
        var island = new Island(new IslandSettings(), Problem());
        var weak = E(5.1);
        var strong = E(5.8);
        Assert.True(island.TryAdd(weak));
        Assert.True(island.TryAdd(strong));
        Assert.False(island.TryAdd(E(5.5)));
        Assert.Equal(strong.Id, Assert.Single(island.Elites).Id);
    }

    [Fact]
    public void TryAdd_LowerIsBetter_KeepsTheSmallerValue()
    {
        var island = new Island(new IslandSettings(), Problem(higherIsBetter: false));
        var big = E(5.8);
        var small = E(5.1);
        island.TryAdd(big);
        Assert.True(island.TryAdd(small));
        Assert.Equal(small.Id, Assert.Single(island.Elites).Id);
    }

    [Fact]
    public void TryAdd_DifferentBins_KeepsBoth()
    {
        var island = new Island(new IslandSettings(), Problem());
        island.TryAdd(E(1));
        island.TryAdd(E(9));
        island.TryAdd(E(9, valid: false));
        Assert.Equal(3, island.Elites.Count());
    }

    [Fact]
    public void TryAdd_IslandWithoutValidityAxis_RefusesInvalidPrograms()
    {
        var simplicity = new IslandSettings { Name = "simplicity", Axes = [new AxisSettings { Metric = "fitness" }, new AxisSettings { Metric = "complexity", Bins = 4 }] };
        var island = new Island(simplicity, Problem());
        Assert.False(island.TryAdd(E(9, valid: false)));
        Assert.True(island.TryAdd(E(2, complexity: 50)));
        Assert.True(island.TryAdd(E(2, complexity: 350)));
    }

    [Fact]
    public void Migrate_SendsTopProgramsToOtherIslands()
    {
        var settings = new EvolutionSettings
        {
            Islands = [new IslandSettings { Name = "a" }, new IslandSettings { Name = "b", Axes = [new AxisSettings { Metric = "fitness", Bins = 3 }] }],
        };
        var archive = new Archive(settings, Problem());
        var best = E(9.5);
        archive.Islands[0].TryAdd(best);
        archive.Islands[0].TryAdd(E(1));
        Assert.Equal(2, archive.Migrate(2));
        Assert.Contains(archive.Islands[1].Elites, e => e.Id == best.Id);
    }

    [Fact]
    public void SnapshotRestore_RoundTrips()
    {
        var settings = new EvolutionSettings();
        var archive = new Archive(settings, Problem());
        archive.Islands[0].TryAdd(E(3));
        var copy = new Archive(settings, Problem());
        copy.Restore(archive.Snapshot());
        Assert.Equal(archive.Islands[0].Elites.Single().Id, copy.Islands[0].Elites.Single().Id);
    }

    [Theory]
    [InlineData("tournament")]
    [InlineData("fitness_proportional")]
    [InlineData("uniform")]
    public void Selection_EachStrategy_PicksFromElitesAndFavoursTheBestWhenItShould(string strategy)
    {
        var island = new Island(new IslandSettings { Selection = strategy, TournamentSize = 3 }, Problem());
        var elites = Enumerable.Range(0, 10).Select(i => E(i + 0.5)).ToList();
        elites.ForEach(e => island.TryAdd(e));
        var selector = ParentSelection.For(island.Settings);
        var rng = new Random(3);
        var picks = Enumerable.Range(0, 2000).Select(_ => selector.Select(elites, island.Rank, rng)).ToList();
        var bestShare = picks.Count(p => p.Id == elites[^1].Id) / 2000.0;
        var worstShare = picks.Count(p => p.Id == elites[0].Id) / 2000.0;
        if (strategy == "uniform")
        {
            Assert.InRange(bestShare, 0.06, 0.14);
        }
        else
        {
            Assert.True(bestShare > worstShare * 2, $"{strategy}: best {bestShare}, worst {worstShare}");
        }
    }

    [Fact]
    public void Selection_UnknownStrategy_NamesTheValidOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => ParentSelection.For(new IslandSettings { Selection = "roulette" }));
        Assert.Contains("tournament", e.Message);
    }
}
