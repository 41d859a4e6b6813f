using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GigaEvo.Tests.EndToEnd;

/// <summary>
/// A user's journey in Debian's Chromium against the real binary: create from a template, start, watch the chart
/// grow (generation 0 and each of 5 more), open the results, download and run the archive, then stop and delete a second experiment. Every page is
/// saved as a screenshot (TestResults/screenshots).
/// </summary>
public sealed class BrowserJourneyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task CreateFromTemplate_Start_WatchChart_DownloadArchive_StopAndDelete()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        try
        {
            // Create from the iris template: everything pre-filled, the dataset preview included.
            var id = await CreateFromTemplateAsync(session, "iris", generations: 5, screenshot: "01-create");
            await session.ScreenshotAsync("02-created");

            // Start from the experiments table.
            await session.OpenAsync("/experiments");
            var row = page.Locator($"tr[data-id='{id}']");
            await row.Locator("button.start").ClickAsync();
            await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("QUEUED|RUNNING|COMPLETED"));
            await session.ScreenshotAsync("03-experiments-started");

            // Tracking: the chart gains points while the page stays open (live, no reload).
            await session.OpenAsync($"/tracking/{id}");
            var first = await WaitForPointsAsync(page, above: 0);
            var later = await WaitForPointsAsync(page, above: first);
            output.WriteLine($"chart points: {first} then {later}");
            await session.ScreenshotAsync("04-tracking-live");
            await Expect(page.Locator("[data-status]").First)
                .ToHaveAttributeAsync("data-status", "COMPLETED", new() { Timeout = (float)RunTimeout.TotalMilliseconds });
            Assert.Equal("6", await page.Locator("#evolution-chart").GetAttributeAsync("data-points"));
            await session.ScreenshotAsync("05-tracking-completed");

            // Results: the best program, and the archive that runs on its own.
            await session.OpenAsync($"/results/{id}");
            await Expect(page.Locator("#best-code")).ToContainTextAsync("def ");
            await Expect(page.Locator("#metrics")).ToContainTextAsync("f1_macro");
            await session.ScreenshotAsync("06-results");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download").ClickAsync());
            await RunArchiveAsync(download, session.DataDirectory);

            await session.OpenAsync("/runners");
            await Expect(page.Locator("#instances")).ToContainTextAsync("e2e-runner");
            await Expect(page.Locator("#instances [data-status='ACTIVE']")).ToHaveCountAsync(1);
            await session.ScreenshotAsync("07-runners");

            await session.OpenAsync("/monitoring");
            await Expect(page.Locator("#components tr[data-component='python']")).ToContainTextAsync("numpy", new() { Timeout = 60_000 });
            await session.ScreenshotAsync("08-monitoring");

            // The linked tools: the jobs dashboard and the API reference, served offline.
            await page.GotoAsync("/hangfire");
            await Expect(page.Locator("body")).ToContainTextAsync("GigaEvo jobs");
            await session.ScreenshotAsync("08a-hangfire");
            await page.GotoAsync("/scalar");
            await Expect(page.Locator("body")).ToContainTextAsync("/api/v1/status", new() { Timeout = 30_000 });
            await session.ScreenshotAsync("08b-api-reference");

            // A long run: start, stop (the run ends CANCELLED within seconds), delete after confirming.
            var longId = await CreateFromTemplateAsync(session, "heilbron", generations: 500, screenshot: null);
            await session.OpenAsync("/experiments");
            var longRow = page.Locator($"tr[data-id='{longId}']");
            await longRow.Locator("button.start").ClickAsync();
            await Expect(longRow.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "RUNNING", new() { Timeout = 60_000 });
            var stopWatch = Stopwatch.StartNew();
            await longRow.Locator("button.stop").ClickAsync();
            await Expect(longRow.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "CANCELLED", new() { Timeout = 30_000 });
            output.WriteLine($"stop took {stopWatch.Elapsed.TotalSeconds:F1} s");
            await session.ScreenshotAsync("09-experiments-stopped");

            await longRow.Locator("button.delete").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Expect(dialog).ToContainTextAsync($"Stop and delete {longId}");
            await session.ScreenshotAsync("10-delete-confirmation");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Expect(longRow).ToHaveCountAsync(0);
            await Expect(page.Locator($"tr[data-id='{id}']")).ToHaveCountAsync(1);
            await session.ScreenshotAsync("11-experiments-after-delete");

            lock (session.BrowserErrors)
            {
                Assert.True(session.BrowserErrors.Count == 0, "browser errors:\n" + string.Join('\n', session.BrowserErrors));
            }
        }
        catch
        {
            await session.ScreenshotAsync("failure");
            output.WriteLine("server output:\n" + session.ServerOutput);
            output.WriteLine("browser errors:\n" + string.Join('\n', session.BrowserErrors));
            throw;
        }
    }

    /// <summary>Creates through the wizard from <paramref name="template"/> and returns the new id.</summary>
    private static async Task<string> CreateFromTemplateAsync(BrowserSession session, string template, int generations, string? screenshot)
    {
        var page = session.Page;
        await session.OpenAsync("/create");
        await page.Locator($"[data-template='{template}']").ClickAsync();
        if (template == "iris")
        {
            await Expect(page.Locator("#dataset-summary")).ToContainTextAsync("150 rows");
            await Expect(page.Locator("#preview thead")).ToContainTextAsync("species");
        }
        await Expect(page.Locator("#name")).Not.ToHaveValueAsync("");
        await page.Locator("#generations").FillAsync(generations.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#generations").BlurAsync();
        if (screenshot is not null)
        {
            await session.ScreenshotAsync(screenshot);
        }
        await page.Locator("#submit").ClickAsync();
        var link = page.Locator("#created-link");
        await Expect(link).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^EXP-\d{8}-\d{4}$"));
        return await link.InnerTextAsync();
    }

    private static async Task<int> WaitForPointsAsync(IPage page, int above)
    {
        var handle = await page.WaitForFunctionAsync(
            "n => { const c = document.querySelector('#evolution-chart'); const p = c ? Number(c.dataset.points) : 0; return p > n ? p : false; }",
            above, new() { Timeout = (float)RunTimeout.TotalMilliseconds });
        return (int)await handle.JsonValueAsync<double>();
    }

    private async Task RunArchiveAsync(IDownload download, string serverData)
    {
        var folder = Directory.CreateTempSubdirectory("gigaevo-e2e-archive-").FullName;
        try
        {
            var zip = Path.Combine(folder, download.SuggestedFilename);
            await download.SaveAsAsync(zip);
            Assert.EndsWith(".zip", zip, StringComparison.Ordinal);
            var unpacked = Path.Combine(folder, "unpacked");
            ZipFile.ExtractToDirectory(zip, unpacked);
            var runPy = Directory.GetFiles(unpacked, "run.py", SearchOption.AllDirectories).Single();
            var metadata = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(runPy)!, "metadata.json"));
            Assert.Contains("\"lineage\"", metadata, StringComparison.Ordinal);
            Assert.DoesNotContain(serverData, metadata, StringComparison.Ordinal);
            var psi = new ProcessStartInfo("/usr/bin/python3", "run.py")
            {
                WorkingDirectory = Path.GetDirectoryName(runPy)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var python = Process.Start(psi)!;
            var stdout = python.StandardOutput.ReadToEndAsync();
            var stderr = python.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await python.WaitForExitAsync(timeout.Token);
            output.WriteLine($"run.py: exit {python.ExitCode}\n{await stdout}\n{await stderr}");
            Assert.Equal(0, python.ExitCode);
            Assert.Contains("f1_macro", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
