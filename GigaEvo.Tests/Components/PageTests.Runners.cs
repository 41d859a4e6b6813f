using Bunit;
using GigaEvo.Core.Runners;
using GigaEvo.Tests.Web;
using GigaEvo.Web.Components.Pages;
using GigaEvo.Web.Logging;
using GigaEvo.Web.Runners;

namespace GigaEvo.Tests.Components;

/// <summary>The runners page: its actions on this process's runner, the health summary, and the log's line count.</summary>
public sealed partial class PageTests
{
    private const string LocalRow = $"tr[data-id='{PlatformFactory.RunnerName}']";

    [Fact]
    public async Task Runners_StopThenInitializeAndRestart_ChipAndHealthFollow_AndJobsRunAgain()
    {
        try
        {
            var cut = _harness.Render<Runners>();
            cut.WaitForAssertion(() => Assert.Equal("ACTIVE", LocalStatus(cut)), PageHarness.Wait);

            PageHarness.Click(cut, $"{LocalRow} button.stop");
            cut.WaitForAssertion(() =>
            {
                Assert.Equal("STOPPED", LocalStatus(cut));
                Assert.StartsWith("Unhealthy:", cut.Find("#health").TextContent.Trim(), StringComparison.Ordinal);
                Assert.Matches(@"\b[1-9]\d* stopped", cut.Find("#health").TextContent);
                Assert.Contains("stopped: takes no new jobs", cut.Find(LocalRow).TextContent, StringComparison.Ordinal);
            }, PageHarness.Wait);

            PageHarness.Click(cut, $"{LocalRow} button.initialize");
            cut.WaitForAssertion(() =>
            {
                Assert.Equal("ACTIVE", LocalStatus(cut));
                Assert.StartsWith("Healthy:", cut.Find("#health").TextContent.Trim(), StringComparison.Ordinal);
            }, PageHarness.Wait);

            PageHarness.Click(cut, $"{LocalRow} button.restart");
            cut.WaitForAssertion(() =>
            {
                Assert.Equal("ACTIVE", LocalStatus(cut));
                Assert.Contains("initialized: taking jobs", cut.Find(LocalRow).TextContent, StringComparison.Ordinal);
            }, PageHarness.Wait);

            // The job server the page stopped and started takes jobs again.
            var experiment = await fixture.Client.CreateTrivialAsync(generations: 1);
            await fixture.Client.RunToCompletionAsync(experiment.Id);
            using var _ = await fixture.Client.DeleteAsync($"/api/v1/experiments/{experiment.Id}");
        }
        finally
        {
            // The other tests run experiments on this runner.
            var registry = _harness.Service<RunnerRegistry>();
            if ((await registry.GetAsync(PlatformFactory.RunnerName)).Status != RunnerStatus.Active)
            {
                await _harness.Service<RunnerControl>().InitializeAsync(PlatformFactory.RunnerName);
            }
        }
    }

    [Fact]
    public void Runners_LineCount_ShowsThatManyRecentLines()
    {
        var logs = _harness.Service<RecentLogs>();
        for (var i = 0; i < 120; i++)
        {
            logs.Add(new LogLine(DateTimeOffset.UtcNow, "Info", "GigaEvo.Tests", $"line {i}"));
        }
        var cut = _harness.Render<Runners>();
        cut.WaitForAssertion(() => Assert.Equal(100, cut.FindAll("#log .log-line").Count), PageHarness.Wait);

        PageHarness.Choose(cut, "#log-lines", "50");
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("#log .log-line").Count), PageHarness.Wait);
        PageHarness.Choose(cut, "#log-lines", "500");
        cut.WaitForAssertion(() => Assert.InRange(cut.FindAll("#log .log-line").Count, 120, 500), PageHarness.Wait);
    }

    private static string? LocalStatus(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut) =>
        cut.Find($"{LocalRow} [data-status]").GetAttribute("data-status");
}
