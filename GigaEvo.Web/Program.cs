using GigaEvo.Web;
using GigaEvo.Web.Cli;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

// Content root is the app folder (appsettings.json beside the binary), whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Serve package assets (MudBlazor's CSS/JS) from the build output's manifest in every environment, not only
// Development; a published app has them in wwwroot and the call finds no manifest.
builder.WebHost.UseStaticWebAssets();
builder.AddGigaEvoWeb();
var app = builder.Build();
app.MapGigaEvoWeb();
await app.RunAsync();
return 0;

/// <summary>The entry point's class, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
