using GigaEvo.Core.MachineLearning;

namespace GigaEvo.Web.Cli;

/// <summary><c>ml-problem data.csv task=… target=… metric=… out=DIR [options]</c>: generates an ML problem directory.</summary>
internal static class MlProblemCommand
{
    private static readonly string[] Keys = ["task", "target", "metric", "out", "test_size", "holdout_size", "cv_folds", "seed", "time_limit", "row_limit", "clusters", "name", "max_file_mb"];

    public static Task<int> RunAsync(string[] args)
    {
        if (KeyValueArgs.Parse(args, Keys, out var error) is not { } parsed)
        {
            return Task.FromResult(CliHost.Fail(error!));
        }
        if (parsed.Positional.Count != 1)
        {
            return Task.FromResult(CliHost.Fail("usage: ml-problem DATA.csv task=classification|regression|clustering target=COLUMN metric=NAME out=DIR " +
                "[test_size=0.25 holdout_size=0.2 cv_folds=0 seed=42 time_limit=60 row_limit=N clusters=K name=NAME max_file_mb=200]"));
        }
        try
        {
            var task = parsed.Get("task") ?? throw new DatasetException("pass task=classification, task=regression or task=clustering");
            var defaults = new MlTaskOptions { Task = task };
            var options = defaults with
            {
                Target = parsed.Get("target"),
                Metric = parsed.Get("metric"),
                TestSize = parsed.Number<double>("test_size") ?? defaults.TestSize,
                HoldoutSize = parsed.Number<double>("holdout_size") ?? defaults.HoldoutSize,
                CvFolds = parsed.Number<int>("cv_folds") ?? defaults.CvFolds,
                Seed = parsed.Number<int>("seed") ?? defaults.Seed,
                TimeLimitSeconds = parsed.Number<double>("time_limit") ?? defaults.TimeLimitSeconds,
                RowLimit = parsed.Number<int>("row_limit"),
                Clusters = parsed.Number<int>("clusters"),
                Name = parsed.Get("name"),
                MaxFileMb = parsed.Number<int>("max_file_mb") ?? defaults.MaxFileMb,
            };
            var outDir = parsed.Get("out") ?? throw new DatasetException("pass out=DIR: the folder to create the problem in");
            var result = MlProblemGenerator.Generate(parsed.Positional[0], options, outDir);
            Console.WriteLine($"Problem written to {result.Directory}: {result.Profile.Rows} rows, {result.Spec.Columns.Count} features, {result.Spec.Task}, metric {result.Spec.Metric}.");
            Console.WriteLine($"Evolve it with: evolve problem.dir={result.Directory}");
            return Task.FromResult(0);
        }
        catch (Exception e) when (e is DatasetException or FormatException)
        {
            return Task.FromResult(CliHost.Fail(e.Message));
        }
    }
}
