namespace GigaEvo.Core.Experiments;

public static class Models
{
    /// <summary>The model name that means "no LLM: the local numeric operator".</summary>
    public const string LocalOperator = "local operator";
}

public static class TaskTypes
{
    public const string Custom = "custom";

    public static IReadOnlyList<string> All { get; } = [.. MachineLearning.MlTasks.All, Custom];
}
