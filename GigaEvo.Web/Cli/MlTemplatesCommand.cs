using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Cli;

/// <summary><c>ml-templates</c> lists the ready ML templates; <c>ml-templates NAME out=DIR</c> writes one as a problem.</summary>
internal static class MlTemplatesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (KeyValueArgs.Parse(args, ["out"], out var error) is not { } parsed)
        {
            return CliHost.Fail(error!);
        }
        if (parsed.Positional.Count == 0)
        {
            Console.WriteLine($"{"name",-15} {"task",-15} {"metric",-10} description");
            foreach (var t in MlTemplateCatalog.All)
            {
                Console.WriteLine($"{t.Name,-15} {t.Options.Task,-15} {t.Options.Metric,-10} {t.Title}: {t.Description}");
            }
            return 0;
        }
        if (MlTemplateCatalog.Find(parsed.Positional[0]) is not { } template)
        {
            return CliHost.Fail($"no template '{parsed.Positional[0]}'; available: {string.Join(", ", MlTemplateCatalog.All.Select(t => t.Name))}");
        }
        using var host = CliHost.Build();
        var service = new MlTemplateService(host.Services.GetRequiredService<IOptions<PythonOptions>>());
        try
        {
            var result = await service.CreateProblemAsync(template, parsed.Get("out") ?? Path.Combine("problems-generated", template.Name));
            Console.WriteLine($"Template '{template.Name}' written to {result.Directory}; evolve it with: evolve problem.dir={result.Directory}");
            return 0;
        }
        catch (DatasetException e)
        {
            return CliHost.Fail(e.Message);
        }
    }
}
