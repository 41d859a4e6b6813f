namespace GigaEvo.Core.Problems;

/// <summary>File names of a problem directory (the Python GigaEvo layout).</summary>
public static class ProblemLayout
{
    public const string TaskDescriptionFile = "task_description.txt";
    public const string MetricsFile = "metrics.yaml";
    public const string ValidatorFile = "validate.py";
    public const string HelperFile = "helper.py";
    public const string ContextFile = "context.py";
    public const string InitialProgramsFolder = "initial_programs";

    /// <summary>The metric every problem declares: 1 when the output passed validation, else 0.</summary>
    public const string ValidityMetric = "is_valid";

    public const string ValidateFunction = "validate";
    public const string EntrypointFunction = "entrypoint";
    public const string BuildContextFunction = "build_context";
    public const string BuildHoldoutContextFunction = "build_holdout_context";
}
