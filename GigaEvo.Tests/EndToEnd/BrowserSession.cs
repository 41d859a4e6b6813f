using System.Net;
using System.Net.Sockets;
using GigaEvo.Tests.Integration.Cli;
using Microsoft.Playwright;

namespace GigaEvo.Tests.EndToEnd;

/// <summary>
/// The real GigaEvo.Web binary on a free loopback port with its own data folder, and Debian's Chromium driven by
/// Playwright (never a downloaded browser). Screenshots go to <see cref="ScreenshotDirectory"/>, kept as test output.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Flags that keep Chromium off the closed network and working as root in a container.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataDirectory;
    private readonly CliProcess _server;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(string dataDirectory, CliProcess server, string baseUrl, IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _dataDirectory = dataDirectory;
        _server = server;
        BaseUrl = baseUrl;
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A failed load is reported with its address by the Response handler below.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (BrowserErrors) { BrowserErrors.Add(message.Text); }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (BrowserErrors) { BrowserErrors.Add($"HTTP {response.Status} {response.Url}"); }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (BrowserErrors) { BrowserErrors.Add(error); }
        };
    }

    public string BaseUrl { get; }

    /// <summary>The server's data folder (nothing of it may leak into a downloaded archive).</summary>
    public string DataDirectory => _dataDirectory;

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions of the page (a Blazor circuit failure lands here).</summary>
    public List<string> BrowserErrors { get; } = [];

    public string ServerOutput => _server.Stdout + _server.Stderr;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("GIGAEVO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("GIGAEVO_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(CliProcess.RepoRoot, "TestResults", "screenshots");

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}: scripts/setup.sh installs Debian's chromium (or set GIGAEVO_CHROMIUM).");
        }
        var dataDirectory = Directory.CreateTempSubdirectory("gigaevo-e2e-").FullName;
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var server = CliProcess.Start(dataDirectory, new Dictionary<string, string>
        {
            ["Platform__DataDirectory"] = dataDirectory,
            ["Runner__Name"] = "e2e-runner",
        }, "--urls", baseUrl);
        try
        {
            await WaitForHealthAsync(server, baseUrl);
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseUrl,
                AcceptDownloads = true,
                ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            });
            context.SetDefaultTimeout(30_000);
            Assertions.SetDefaultExpectTimeout(30_000); // 5 s by default: too short on two busy cores
            return new BrowserSession(dataDirectory, server, baseUrl, playwright, browser, context, await context.NewPageAsync());
        }
        catch
        {
            server.Dispose();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/> and waits until the Blazor circuit is connected (clicks before that are lost).</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("#page[data-interactive='true']").WaitForAsync();
    }

    /// <summary>A full-page screenshot named <paramref name="name"/>.png in <see cref="ScreenshotDirectory"/>.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
        _server.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for Kestrel's own line: cheap, unlike probing an endpoint that checks Python under load.</summary>
    private static async Task WaitForHealthAsync(CliProcess server, string baseUrl)
    {
        await server.WaitForOutputAsync("Now listening on: " + baseUrl, TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.GetAsync(new Uri("/api/v1/templates", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }
}
