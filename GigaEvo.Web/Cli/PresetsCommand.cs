using GigaEvo.Core.Configuration;

namespace GigaEvo.Web.Cli;

internal static class PresetsCommand
{
    public static Task<int> RunAsync()
    {
        foreach (var preset in ConfigComposer.ListPresets(GigaEvoPaths.RequirePresetsDirectory()))
        {
            Console.WriteLine(preset);
        }
        return Task.FromResult(0);
    }
}
