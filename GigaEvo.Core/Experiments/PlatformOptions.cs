namespace GigaEvo.Core.Experiments;

/// <summary>Configuration section <c>Platform</c>: where the platform keeps its data, and what it accepts.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Folder of the SQLite database and the artifacts (datasets, problems, runs); relative to the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Largest upload (dataset CSV or problem zip), in MiB; larger requests get 413.</summary>
    public int MaxUploadMb { get; set; } = 200;

    /// <summary>Most an uploaded problem zip may unpack to, in MiB (bytes actually written); more gets 413.</summary>
    public int MaxProblemUnpackedMb { get; set; } = 100;

    /// <summary>Most files and folders an uploaded problem zip may hold; more gets 413.</summary>
    public int MaxProblemEntries { get; set; } = 2000;

    /// <summary>LLM model names offered besides the local operator (the mutation agent's models).</summary>
    public IList<string> Models { get; set; } = [];

    /// <summary>OpenAI-compatible endpoint given to runs that use a model (<c>llm.base_url</c>).</summary>
    public string? LlmBaseUrl { get; set; }

    /// <summary>Its API key (<c>llm.api_key</c>; redacted in every written configuration).</summary>
    public string? LlmApiKey { get; set; }

    public int DefaultGenerations { get; set; } = 10;

    public int MaxGenerations { get; set; } = 1000;

    /// <summary>How long Delete and Drop All wait for a running experiment to stop.</summary>
    public int StopTimeoutSeconds { get; set; } = 30;

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "gigaevo.db");

    public string ArtifactsPath => Path.Combine(Path.GetFullPath(DataDirectory), "artifacts");
}
