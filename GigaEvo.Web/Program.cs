using GigaEvo.Web;
using GigaEvo.Web.Cli;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGigaEvoWeb();
var app = builder.Build();
app.MapGigaEvoWeb();
await app.RunAsync();
return 0;
