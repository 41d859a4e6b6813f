using GigaEvo.Core;

namespace GigaEvo.Web;

public static class WebComposition
{
    public static IHostApplicationBuilder AddGigaEvoWeb(this IHostApplicationBuilder builder)
    {
        builder.AddGigaEvoCore();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapGigaEvoWeb(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        // Said plainly until the platform UI lands: the engine is usable from the command line today.
        app.MapGet("/", () => Results.Text(
            "GigaEvo .NET is running. The web UI and REST API are not implemented yet; " +
            "use the command line: dotnet run --project GigaEvo.Web -- evolve problem.name=heilbron max_generations=10\n",
            "text/plain"));
        return app;
    }
}
