using GigaEvo.Web;
using GigaEvo.Web.Cli;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

// Content root is the app folder (appsettings.json beside the binary), whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGigaEvoWeb();
var app = builder.Build();
app.MapGigaEvoWeb();
await app.RunAsync();
return 0;

/// <summary>The entry point's class, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
