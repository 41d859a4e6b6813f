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
    public static void Choose(IRenderedComponent<ContainerFragment> cut, string selector, string text)
    {
        cut.Find(selector).Closest("div.mud-input-control")!.MouseDown();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == text), Wait);
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == text).Click();
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
