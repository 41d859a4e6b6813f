using System.IO.Compression;
using Bunit;
using Bunit.Rendering;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Experiments;
using GigaEvo.Tests.Web;
using GigaEvo.Web.Components.Pages;
using Microsoft.AspNetCore.Components.Forms;

namespace GigaEvo.Tests.Components;

/// <summary>The create page with a custom problem: a zip upload, its refusals next to the field, and the choices around it.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task Create_ProblemZip_RefusalsNextToTheUpload_ThenAValidZipCreates()
    {
        var queries = _harness.Service<ExperimentQueries>();
        var trivial = (await _harness.Service<ProblemCatalog>().ListExamplesAsync()).Single(p => p.Name == "trivial");
        var before = (await queries.ListAsync(null, 1, 1)).Total;
        var cut = RenderCustomCreate();

        UploadProblem(cut, TestProblems.BrokenProblemZip(), "broken.zip");
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("validate.py", FieldError(cut), StringComparison.Ordinal);
            Assert.Empty(cut.FindAll("#uploaded-problem"));
        }, PageHarness.Wait);
        UploadProblem(cut, [1, 2, 3], "p.zip");
        cut.WaitForAssertion(() => Assert.Contains("p.zip is not a readable zip file", FieldError(cut), StringComparison.Ordinal), PageHarness.Wait);
        // The test host allows 1 MiB.
        UploadProblem(cut, new byte[2 * 1024 * 1024], "big.zip");
        cut.WaitForAssertion(() => Assert.Equal("big.zip is over the upload limit of 1 MiB (Platform:MaxUploadMb).", FieldError(cut)), PageHarness.Wait);

        PageHarness.Change(cut, "#name", "Uploaded trivial");
        PageHarness.Click(cut, "#submit");
        cut.WaitForAssertion(() => Assert.Contains("Choose one problem directory", cut.Find("#problem").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), PageHarness.Wait);
        Assert.Empty(cut.FindAll("#created"));
        Assert.Equal(before, (await queries.ListAsync(null, 1, 1)).Total);

        UploadProblem(cut, ProblemZip("trivial"), "trivial.zip");
        cut.WaitForAssertion(() =>
        {
            Assert.Equal($"trivial: {trivial.InitialPrograms} initial program(s), metric {trivial.PrimaryMetric}", cut.Find("#uploaded-problem").TextContent.Trim());
            Assert.Empty(cut.FindAll(".field-error"));
            Assert.Equal(trivial.PrimaryMetric, cut.Find("#metric").GetAttribute("value"));
        }, PageHarness.Wait);

        PageHarness.Click(cut, "#submit");
        cut.WaitForAssertion(() => Assert.StartsWith("EXP-", cut.Find("#created-link").TextContent, StringComparison.Ordinal), PageHarness.Wait);
        var id = cut.Find("#created-link").TextContent.Trim();
        try
        {
            var experiment = await queries.GetAsync(id);
            Assert.Equal("Uploaded trivial", experiment.Name);
            Assert.Equal(TaskTypes.Custom, experiment.TaskType);
            Assert.Equal(trivial.PrimaryMetric, experiment.Metric);
        }
        finally
        {
            using var _ = await fixture.Client.DeleteAsync($"/api/v1/experiments/{id}");
        }
    }

    [Fact]
    public void Create_AnExampleReplacesTheUpload_ARefusedUploadLeavesNone_AndRefusedAdvancedFieldsShow()
    {
        var cut = RenderCustomCreate();
        UploadProblem(cut, ProblemZip("trivial"), "trivial.zip");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#uploaded-problem")), PageHarness.Wait);
        PageHarness.Choose(cut, "#problem", "trivial (fitness)");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#uploaded-problem")), PageHarness.Wait);

        UploadProblem(cut, ProblemZip("trivial"), "trivial.zip");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#uploaded-problem")), PageHarness.Wait);
        UploadProblem(cut, TestProblems.BrokenProblemZip(), "broken.zip");
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("validate.py", FieldError(cut), StringComparison.Ordinal);
            Assert.Empty(cut.FindAll("#uploaded-problem"));
        }, PageHarness.Wait);

        // A bad override typed in the Advanced panel, closed again: Create opens it to show why.
        PageHarness.Choose(cut, "#problem", "trivial (fitness)");
        PageHarness.Change(cut, "#name", "Advanced refusal");
        PageHarness.Click(cut, "#advanced .mud-expand-panel-header");
        cut.WaitForAssertion(() => Assert.True(AdvancedOpen(cut)), PageHarness.Wait);
        PageHarness.Change(cut, "#overrides", "garbage");
        PageHarness.Click(cut, "#advanced .mud-expand-panel-header");
        cut.WaitForAssertion(() => Assert.False(AdvancedOpen(cut)), PageHarness.Wait);
        PageHarness.Click(cut, "#submit");
        cut.WaitForAssertion(() =>
        {
            Assert.True(AdvancedOpen(cut));
            Assert.Contains("'garbage' is not key=value.", cut.Find("#overrides").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        }, PageHarness.Wait);
        Assert.Empty(cut.FindAll("#created"));
    }

    private IRenderedComponent<ContainerFragment> RenderCustomCreate()
    {
        var cut = _harness.Render<Create>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-template='iris']")), PageHarness.Wait);
        PageHarness.Choose(cut, "#task-type", TaskTypes.Custom);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#problem-file")), PageHarness.Wait);
        return cut;
    }

    private static void UploadProblem(IRenderedComponent<ContainerFragment> cut, byte[] zip, string fileName) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(zip, fileName));

    private static bool AdvancedOpen(IRenderedComponent<ContainerFragment> cut) => cut.Find("#advanced").ClassList.Contains("mud-panel-expanded");

    private static string FieldError(IRenderedComponent<ContainerFragment> cut) => cut.Find(".field-error").TextContent.Trim();

    /// <summary>An example problem directory of <c>problems/</c>, zipped with its folder as a user would.</summary>
    private static byte[] ProblemZip(string name)
    {
        using var memory = new MemoryStream();
        ZipFile.CreateFromDirectory(Path.Combine(GigaEvoPaths.RequireProblemsDirectory(), name), memory, CompressionLevel.Fastest, includeBaseDirectory: true);
        return memory.ToArray();
    }
}
