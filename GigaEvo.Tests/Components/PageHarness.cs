using Bunit;
using Bunit.Rendering;
using GigaEvo.Tests.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace GigaEvo.Tests.Components;

/// <summary>
/// Renders a page inside MudBlazor's popover and dialog providers, with the real view models and services of the
/// shared test host (one DI scope per test, like one circuit); MudBlazor's JS calls are answered loosely.
/// </summary>
public sealed class PageHarness : IAsyncDisposable
{
    private readonly IServiceScope _scope;
    private bool _providersRendered;

    public PageHarness(PlatformFixture fixture)
    {
        _scope = fixture.Factory.Services.CreateScope();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public BunitContext Context { get; } = new();

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <summary>A service of the test host, from this test's scope.</summary>
    public T Service<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Opens the MudSelect whose input has <paramref name="selector"/> and clicks the item that reads <paramref name="text"/>.</summary>
    /// <summary>
    /// Clicks <paramref name="selector"/>, finding it again if a render between the find and the click replaced its
    /// handler (bUnit's UnknownEventHandlerIdException: a live page re-renders on its own, e.g. after an upload).
    /// </summary>
    public static void Click(IRenderedComponent<ContainerFragment> cut, string selector) => Retry(() => cut.Find(selector).Click());

    /// <summary>Changes an input's value, with the same retry as <see cref="Click"/>.</summary>
    public static void Change(IRenderedComponent<ContainerFragment> cut, string selector, string value) => Retry(() => cut.Find(selector).Change(value));

    private static void Retry(Action act)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                act();
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
                Thread.Sleep(50); // the element was re-rendered: find it again
            }
        }
    }

    public static void Choose(IRenderedComponent<ContainerFragment> cut, string selector, string text)
    {
        Retry(() => cut.Find(selector).Closest("div.mud-input-control")!.MouseDown());
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == text), Wait);
        Retry(() => cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == text).Click());
    }

    public IRenderedComponent<ContainerFragment> Render<TPage>(params (string Name, object? Value)[] parameters) where TPage : IComponent =>
        Context.Render(builder =>
        {
            // The providers are rendered once per test: a second page renders into the first one's providers.
            if (!_providersRendered)
            {
                _providersRendered = true;
                builder.OpenComponent<MudPopoverProvider>(0);
                builder.CloseComponent();
                builder.OpenComponent<MudDialogProvider>(1);
                builder.CloseComponent();
            }
            builder.OpenComponent<TPage>(2);
            foreach (var (name, value) in parameters)
            {
                builder.AddAttribute(3, name, value);
            }
            builder.CloseComponent();
        });

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _scope.Dispose();
    }
}
