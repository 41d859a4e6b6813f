using Bunit;
using GigaEvo.Tests.Web;
using GigaEvo.Web.Components.Pages;
using GigaEvo.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace GigaEvo.Tests.Components;

/// <summary>Each page rendered over the real services: what it shows, what its buttons do, and its live updates.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class PageTests(PlatformFixture fixture) : IAsyncDisposable
{
    private readonly PageHarness _harness = new(fixture);

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Experiments_FiltersFromUrl_StartsLive_DeletesAfterConfirmation()
    {
        var created = await fixture.Client.CreateTrivialAsync(generations: 1);
        _harness.Navigation.NavigateTo("/experiments?status=initialized");
        var cut = _harness.Render<Experiments>();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("INITIALIZED", cut.Find("#status-filter").ParentElement!.ParentElement!.TextContent);
            Assert.Contains(created.Id, cut.Find($"tr[data-id='{created.Id}']").TextContent);
            Assert.All(cut.FindAll("#experiments tbody [data-status]"), chip => Assert.Equal("INITIALIZED", chip.GetAttribute("data-status")));
        }, PageHarness.Wait);

        // Drop All asks first; Cancel keeps everything.
        PageHarness.Click(cut, "#drop-all");
        cut.WaitForAssertion(() => Assert.Contains("cannot be undone", cut.Markup), PageHarness.Wait);
        cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains("Cancel", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"tr[data-id='{created.Id}']")), PageHarness.Wait);

        // Show all, start: the row follows the run to COMPLETED through the notifier.
        _harness.Navigation.NavigateTo("/experiments");
        cut.WaitForAssertion(() => Assert.False(cut.Find($"tr[data-id='{created.Id}'] button.start").HasAttribute("disabled")), PageHarness.Wait);
        PageHarness.Click(cut, $"tr[data-id='{created.Id}'] button.start");
        cut.WaitForAssertion(() => Assert.Equal("COMPLETED", cut.Find($"tr[data-id='{created.Id}'] [data-status]").GetAttribute("data-status")), Api.RunTimeout);

        PageHarness.Click(cut, $"tr[data-id='{created.Id}'] button.delete");
        cut.WaitForAssertion(() => Assert.Contains($"Stop and delete {created.Id}", cut.Markup), PageHarness.Wait);
        cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains("Delete", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"tr[data-id='{created.Id}']")), PageHarness.Wait);
    }

    [Fact]
    public void Create_ExplainsFields_PreviewsUpload_AppliesTemplate_Creates()
    {
        var cut = _harness.Render<Create>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".template[data-template='iris'], [data-template='iris']")), PageHarness.Wait);

        PageHarness.Click(cut, "#submit");
        cut.WaitForAssertion(() => Assert.Contains("mud-input-error", cut.Markup), PageHarness.Wait);
        Assert.Empty(cut.FindAll("#created"));

        var upload = cut.FindComponent<InputFile>();
        upload.UploadFiles(InputFileContent.CreateFromText("x,y,label\n1,2,a\n3,4,b\n5,6,a\n", "tiny.csv"));
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("tiny.csv: 3 rows, 3 columns", cut.Find("#dataset-summary").TextContent);
            Assert.Equal(["x", "y", "label"], cut.FindAll("#preview thead th").Select(th => th.TextContent));
            Assert.Equal(3, cut.FindAll("#preview tbody tr").Count);
        }, PageHarness.Wait);

        PageHarness.Click(cut, "[data-template='iris']");
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("150 rows", cut.Find("#dataset-summary").TextContent);
            Assert.Contains("species", cut.Find("#preview thead").TextContent);
        }, PageHarness.Wait);

        PageHarness.Click(cut, "#submit");
        cut.WaitForAssertion(() => Assert.StartsWith("EXP-", cut.Find("#created-link").TextContent, StringComparison.Ordinal), PageHarness.Wait);
        Assert.StartsWith("/tracking/EXP-", cut.Find("#created-link").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_ChartGrowsLive_AndResultsShowTheBestProgram()
    {
        var created = await fixture.Client.CreateTrivialAsync(generations: 2);
        var tracking = _harness.Render<Tracking>(("Id", created.Id));
        tracking.WaitForAssertion(() =>
        {
            Assert.Contains(created.Id, tracking.Find("#experiment-name").TextContent);
            Assert.NotEmpty(tracking.FindAll("#no-points"));
            Assert.Contains("Generations", tracking.Markup);
        }, PageHarness.Wait);

        await fixture.Client.RunToCompletionAsync(created.Id);
        tracking.WaitForAssertion(() =>
        {
            Assert.True(int.Parse(tracking.Find("#evolution-chart").GetAttribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
            Assert.Contains("2 / 2", tracking.Markup);
            Assert.NotEmpty(tracking.FindAll("#programs tbody tr"));
            Assert.NotEmpty(tracking.FindAll("#evolution-chart svg"));
        }, Api.RunTimeout);

        var results = _harness.Render<Results>(("Id", created.Id));
        results.WaitForAssertion(() =>
        {
            Assert.NotEmpty(results.Find("#best-code").TextContent);
            Assert.NotEmpty(results.FindAll("#metrics tr"));
            Assert.Equal($"/api/v1/experiments/{created.Id}/archive", results.Find("#download").GetAttribute("href"));
            Assert.Contains("Gen ", results.Find("#lineage").TextContent);
        }, PageHarness.Wait);
    }

    [Fact]
    public void Results_WithoutSelection_AsksToPick()
    {
        var cut = _harness.Render<Results>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#pick")), PageHarness.Wait);
        var unknown = _harness.Render<Results>(("Id", "EXP-19990101-0001"));
        unknown.WaitForAssertion(() => Assert.Contains("EXP-19990101-0001", unknown.Find("#error").TextContent), PageHarness.Wait);
    }

    [Fact]
    public void Runners_ListsThisInstance_WithHealthAndLog()
    {
        var cut = _harness.Render<Runners>();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains(PlatformFactory.RunnerName, cut.Find("#instances").TextContent);
            Assert.Contains("ACTIVE", cut.Find("#instances").InnerHtml);
            Assert.Contains("workers busy", cut.Find("#health").TextContent);
        }, PageHarness.Wait);
        PageHarness.Click(cut, $"tr[data-id] button.initialize");
        cut.WaitForAssertion(() => Assert.Contains(PlatformFactory.RunnerName, cut.Find("#instances").TextContent), PageHarness.Wait);
    }

    [Fact]
    public void Monitoring_ShowsComponentsQueuesAndLinks()
    {
        var cut = _harness.Render<Monitoring>();
        cut.WaitForAssertion(() =>
        {
            foreach (var component in new[] { "database", "job_storage", "program_store", "artifact_store", "python" })
            {
                Assert.NotEmpty(cut.FindAll($"#components tr[data-component='{component}']"));
            }
            Assert.Contains("Enqueued", cut.Find("#queues").TextContent);
            Assert.Equal("/hangfire", cut.Find("#hangfire-link").GetAttribute("href"));
            Assert.Equal("/scalar", cut.Find("#api-link").GetAttribute("href"));
        }, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void CodeHighlighter_MarksKeywordsStringsCommentsAndEncodes()
    {
        var html = CodeHighlighter.Highlight("def f(x):  # <doc>\n    return 'a' + 1").Value;
        Assert.Contains("<span class=\"kw\">def</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"com\"># &lt;doc&gt;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"str\">&#39;a&#39;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"num\">1</span>", html, StringComparison.Ordinal);
    }
}
