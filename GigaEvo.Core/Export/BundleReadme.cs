using System.Globalization;
using System.Text;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Problems;

namespace GigaEvo.Core.Export;

internal static class BundleReadme
{
    public static string Write(ProblemDefinition problem, RunResult result, MlSpec? ml)
    {
        var primary = problem.Primary;
        var best = result.Best!;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Best program for '{problem.Name}' (GigaEvo)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{primary.Name} = {best.Metrics[primary.Name]:G6} ({(primary.HigherIsBetter ? "higher" : "lower")} is better), generation {best.Lineage.Generation}, after {result.Generations} generations and {result.ProgramsTotal} programs.");
        if (result.Holdout?.Metrics is { } holdout && holdout.TryGetValue(primary.Name, out var h))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"On the final hold-out (rows never used during the search): {primary.Name} = {h:G6}.");
        }
        text.AppendLine();
        text.AppendLine("Needs Python 3 with numpy and scikit-learn (Debian: `apt-get install python3-numpy python3-scipy python3-pandas python3-sklearn`). From this folder:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine("python3 run.py                 # evaluate program.py as GigaEvo did; prints the metrics");
        if (ml is not null)
        {
            text.AppendLine("python3 train.py               # fit the pipeline on all the data; writes model.joblib");
            text.AppendLine("python3 predict.py new.csv     # apply model.joblib to a CSV with the same feature columns; writes predictions.csv");
        }
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("Files: `program.py` (the evolved program), `validate.py` (how it is scored), `metrics.yaml`, `task_description.txt`, `metadata.json` (metrics, lineage, configuration, versions)"
            + (problem.ContextPath is null ? "" : ", `context.py`") + (problem.HelperPath is null ? "" : ", `helper.py`")
            + (ml is null ? "." : $", `{ml.DataFile}` (the dataset) and `ml_spec.json` (task, target, columns, splits)."));
        return text.ToString();
    }
}
