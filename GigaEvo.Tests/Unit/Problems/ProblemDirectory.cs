namespace GigaEvo.Tests.Unit.Problems;

/// <summary>A problem directory in a temporary folder; starts valid, tests then break one thing at a time.</summary>
internal sealed class ProblemDirectory : IDisposable
{
    public const string IsValidSpec = """
          is_valid:
            description: 1 when the output passed validation
        """;

    public const string FitnessSpec = """
          fitness:
            description: Sum of the radii
            decimals: 4
            is_primary: true
            higher_is_better: true
            unit: px
            lower_bound: 0.0
            upper_bound: 10.0
            significant_change: 0.01
        """;

    public const string RuntimeSpec = """
          runtime:
            description: Seconds taken
            higher_is_better: false
            include_in_prompts: false
        """;

    private readonly string _root;

    private ProblemDirectory(string name)
    {
        _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gigaevo-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(_root, name);
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A valid problem without context.py or helper.py, with two initial programs.</summary>
    public static ProblemDirectory CreateValid(string name = "circle_packing") =>
        new ProblemDirectory(name)
            .Write("task_description.txt", "Pack 26 circles in the unit square, maximizing the sum of radii.\n")
            .WriteMetrics(FitnessSpec, RuntimeSpec, IsValidSpec)
            .Write("validate.py", """
                def validate(output):
                    return {"fitness": float(sum(output)), "runtime": 0.1, "is_valid": 1}
                """)
            .Write("initial_programs/b_grid.py", """
                def entrypoint():
                    return [0.1] * 26
                """)
            .Write("initial_programs/a_random.py", """
                import random

                def entrypoint():
                    return [random.random() / 10 for _ in range(26)]
                """);

    /// <summary>Switches to a problem with context.py, helper.py and context-taking functions.</summary>
    public ProblemDirectory WithContext() =>
        Write("context.py", """
            def build_context():
                return {"n": 26}
            """)
            .Write("helper.py", """
                def clamp(x, lo, hi):
                    return max(lo, min(hi, x))
                """)
            .Write("validate.py", """
                from helper import clamp

                def validate(context, output):
                    return {"fitness": clamp(sum(output), 0, 10), "runtime": 0.1, "is_valid": 1}
                """)
            .Write("initial_programs/a_random.py", """
                def entrypoint(context):
                    return [0.01] * context["n"]
                """)
            .Write("initial_programs/b_grid.py", """
                def entrypoint(context=None):
                    return [0.1] * 26
                """);

    public ProblemDirectory WriteMetrics(params string[] specs) =>
        Write("metrics.yaml", "specs:\n" + string.Join("\n", specs) + "\n");

    public ProblemDirectory Write(string relative, string content)
    {
        var path = System.IO.Path.Combine(Path, relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public ProblemDirectory Delete(string relative)
    {
        var path = System.IO.Path.Combine(Path, relative);
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
        return this;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
