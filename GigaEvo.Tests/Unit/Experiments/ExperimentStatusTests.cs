using GigaEvo.Core.Experiments;

namespace GigaEvo.Tests.Unit.Experiments;

public sealed class ExperimentStatusTests
{
    public static TheoryData<ExperimentStatus, ExperimentStatus> Allowed => new()
    {
        { ExperimentStatus.Pending, ExperimentStatus.Initialized },
        { ExperimentStatus.Pending, ExperimentStatus.Failed },
        { ExperimentStatus.Initialized, ExperimentStatus.Queued },
        { ExperimentStatus.Queued, ExperimentStatus.Running },
        { ExperimentStatus.Queued, ExperimentStatus.Cancelled },
        { ExperimentStatus.Queued, ExperimentStatus.Failed },
        { ExperimentStatus.Running, ExperimentStatus.Completed },
        { ExperimentStatus.Running, ExperimentStatus.Failed },
        { ExperimentStatus.Running, ExperimentStatus.Cancelled },
        { ExperimentStatus.Running, ExperimentStatus.Queued },
        { ExperimentStatus.Completed, ExperimentStatus.Queued },
        { ExperimentStatus.Failed, ExperimentStatus.Queued },
        { ExperimentStatus.Cancelled, ExperimentStatus.Queued },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void CanMove_TableEntry_IsAllowed(ExperimentStatus from, ExperimentStatus to) => Assert.True(ExperimentStatuses.CanMove(from, to));

    [Fact]
    public void CanMove_EverythingElse_IsRefused()
    {
        var allowed = Allowed.Select(row => ((ExperimentStatus)row[0], (ExperimentStatus)row[1])).ToHashSet();
        foreach (var from in ExperimentStatuses.All)
        {
            foreach (var to in ExperimentStatuses.All.Where(to => !allowed.Contains((from, to))))
            {
                Assert.False(ExperimentStatuses.CanMove(from, to), $"{from} -> {to}");
            }
        }
    }

    [Fact]
    public void EnsureCanMove_Refused_ThrowsWithBothStatusesAndTheAction()
    {
        var e = Assert.Throws<InvalidTransitionException>(() =>
            ExperimentStatuses.EnsureCanMove("EXP-20261125-0001", ExperimentStatus.Completed, ExperimentStatus.Running, "start"));
        Assert.Contains("cannot start experiment EXP-20261125-0001", e.Message);
        Assert.Contains("COMPLETED -> RUNNING", e.Message);
    }

    [Theory]
    [InlineData("running", true, ExperimentStatus.Running)]
    [InlineData("CANCELLED", true, ExperimentStatus.Cancelled)]
    [InlineData("done", false, default(ExperimentStatus))]
    [InlineData("7", false, default(ExperimentStatus))]
    [InlineData("3", false, default(ExperimentStatus))]
    [InlineData("running,queued", false, default(ExperimentStatus))]
    [InlineData(" running", false, default(ExperimentStatus))]
    [InlineData(null, false, default(ExperimentStatus))]
    public void TryParse_Keys_CaseInsensitiveAndNoNumbers(string? text, bool ok, ExperimentStatus expected)
    {
        Assert.Equal(ok, ExperimentStatuses.TryParse(text, out var status));
        if (ok)
        {
            Assert.Equal(expected, status);
        }
    }

    [Fact]
    public void ActiveAndFinished_Partition()
    {
        Assert.Equal([ExperimentStatus.Queued, ExperimentStatus.Running], ExperimentStatuses.All.Where(s => s.IsActive()));
        Assert.Equal([ExperimentStatus.Completed, ExperimentStatus.Failed, ExperimentStatus.Cancelled], ExperimentStatuses.All.Where(s => s.IsFinished()));
    }

    [Fact]
    public void Ids_FormatAndShape()
    {
        Assert.Equal("EXP-20261125-0007", ExperimentIds.Format(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero), 7));
        Assert.True(ExperimentIds.IsWellFormed("EXP-20261125-0007"));
        Assert.False(ExperimentIds.IsWellFormed("EXP-2026112-00071"));
        Assert.False(ExperimentIds.IsWellFormed("exp-20261125-0007"));
    }
}
