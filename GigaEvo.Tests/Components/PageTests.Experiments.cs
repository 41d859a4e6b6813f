using Bunit;
using GigaEvo.Core.Experiments;
using GigaEvo.Tests.Web;
using GigaEvo.Web.Components.Pages;
using GigaEvo.Web.ViewModels;

namespace GigaEvo.Tests.Components;

/// <summary>The experiments table beyond one page: the pager, and the page and status kept together in the URL.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task Experiments_MoreThanAPage_PagesThroughTheUrl_AndAStatusStartsOnPageOne()
    {
        var created = new List<string>();
        try
        {
            for (var i = 0; i < ExperimentsViewModel.PageSize + 5; i++)
            {
                created.Add((await fixture.Client.CreateTrivialAsync(generations: 1)).Id);
            }
            created.Reverse(); // the table lists the newest first
            var queries = _harness.Service<ExperimentQueries>();
            var total = (await queries.ListAsync(null, 1, 1)).Total;

            _harness.Navigation.NavigateTo("/experiments");
            var cut = _harness.Render<Experiments>();
            cut.WaitForAssertion(() =>
            {
                Assert.Equal(created.Take(ExperimentsViewModel.PageSize), RowIds(cut));
                Assert.Equal("1", cut.Find("#pager [aria-current='page']").TextContent.Trim());
                Assert.Equal($"{total} experiment(s) · 1–50 shown", cut.Find("#total").TextContent.Trim());
            }, PageHarness.Wait);

            PageButton(cut, "2").Click();
            cut.WaitForAssertion(() =>
            {
                Assert.EndsWith("/experiments?page=2", _harness.Navigation.Uri, StringComparison.Ordinal);
                var rows = RowIds(cut);
                Assert.Equal(Math.Min(ExperimentsViewModel.PageSize, total - ExperimentsViewModel.PageSize), rows.Count);
                Assert.Equal(created.Skip(ExperimentsViewModel.PageSize), rows.Take(5));
                Assert.Equal("2", cut.Find("#pager [aria-current='page']").TextContent.Trim());
                Assert.StartsWith($"{total} experiment(s) · 51–", cut.Find("#total").TextContent.Trim(), StringComparison.Ordinal);
            }, PageHarness.Wait);

            // A status starts on its first page; its own page 2 keeps the status.
            PageHarness.Choose(cut, "#status-filter", "INITIALIZED");
            cut.WaitForAssertion(() =>
            {
                Assert.EndsWith("/experiments?status=initialized", _harness.Navigation.Uri, StringComparison.Ordinal);
                Assert.Equal(created.Take(ExperimentsViewModel.PageSize), RowIds(cut));
                Assert.All(cut.FindAll("#experiments tbody [data-status]"), chip => Assert.Equal("INITIALIZED", chip.GetAttribute("data-status")));
            }, PageHarness.Wait);
            PageButton(cut, "2").Click();
            cut.WaitForAssertion(() =>
            {
                Assert.EndsWith("/experiments?status=initialized&page=2", _harness.Navigation.Uri, StringComparison.Ordinal);
                Assert.Equal(created.Skip(ExperimentsViewModel.PageSize), RowIds(cut).Take(5));
            }, PageHarness.Wait);

            // A page past the end shows the last one and says so.
            _harness.Navigation.NavigateTo("/experiments?status=initialized&page=99");
            var initialized = (await queries.ListAsync(ExperimentStatus.Initialized, 1, 1)).Total;
            var lastPage = (initialized + ExperimentsViewModel.PageSize - 1) / ExperimentsViewModel.PageSize;
            cut.WaitForAssertion(() =>
            {
                Assert.Equal($"Page 99 is past the end; showing page {lastPage} of {lastPage}.", cut.Find("#page-notice").TextContent.Trim());
                Assert.Equal($"{lastPage}", cut.Find("#pager [aria-current='page']").TextContent.Trim());
                Assert.NotEmpty(RowIds(cut));
            }, PageHarness.Wait);

            // A status with no experiments says so instead of rows, without a pager.
            _harness.Navigation.NavigateTo("/experiments?status=pending");
            cut.WaitForAssertion(() =>
            {
                Assert.Equal("No PENDING experiments.", cut.Find("#empty").TextContent.Trim());
                Assert.Empty(RowIds(cut));
                Assert.Empty(cut.FindAll("#pager"));
                Assert.Empty(cut.FindAll("#page-notice"));
            }, PageHarness.Wait);
        }
        finally
        {
            // Other tests share the host: leave only what was there.
            foreach (var id in created)
            {
                using var _ = await fixture.Client.DeleteAsync($"/api/v1/experiments/{id}");
            }
        }
    }

    private static List<string?> RowIds(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut) =>
        [.. cut.FindAll("#experiments tbody tr[data-id]").Select(r => r.GetAttribute("data-id"))];

    private static AngleSharp.Dom.IElement PageButton(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut, string page) =>
        cut.FindAll("#pager button").First(b => b.TextContent.Trim() == page);
}
