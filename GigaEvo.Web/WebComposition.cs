namespace GigaEvo.Web;

public static class WebComposition
{
    public static IHostApplicationBuilder AddGigaEvoWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapGigaEvoWeb(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        return app;
    }
}
