namespace GigaEvo.Core.Runners;

/// <summary>Who this process is in the runner registry.</summary>
public sealed record RunnerIdentity(string Id, string Name, int Workers);
