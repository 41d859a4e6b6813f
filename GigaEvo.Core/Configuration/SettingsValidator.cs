using System.Globalization;

namespace GigaEvo.Core.Configuration;

/// <summary>Range and consistency checks of bound settings; each message names the dotted key.</summary>
public static class SettingsValidator
{
    public static IReadOnlyList<string> SelectionStrategies { get; } = ["fitness_proportional", "tournament", "uniform"];
    public static IReadOnlyList<string> Routers { get; } = ["weighted", "bandit"];
    public static IReadOnlyList<string> MutationOperators { get; } = ["auto", "local", "llm"];

    /// <summary>Every problem found; empty when the settings are valid.</summary>
    public static IReadOnlyList<string> Validate(EvolutionSettings settings)
    {
        var errors = new Errors();
        errors.AtLeast("max_generations", settings.MaxGenerations, 0);
        errors.AtLeast("programs_per_generation", settings.ProgramsPerGeneration, 1);
        errors.AtLeast("max_parallel_programs", settings.MaxParallelPrograms, 1);
        errors.AtLeast("max_parallel_stages", settings.MaxParallelStages, 1);
        errors.Positive("pipeline.run_timeout_seconds", settings.Pipeline.RunTimeoutSeconds);
        errors.Positive("pipeline.validate_timeout_seconds", settings.Pipeline.ValidateTimeoutSeconds);
        errors.Positive("pipeline.analyze_timeout_seconds", settings.Pipeline.AnalyzeTimeoutSeconds);
        IslandChecks.Validate(settings.Islands, errors);
        errors.AtLeast("migration.interval", settings.Migration.Interval, 0);
        errors.AtLeast("migration.count", settings.Migration.Count, 0);
        var mutation = settings.Mutation;
        errors.OneOf("mutation.operator", mutation.Operator, MutationOperators);
        errors.InRange("mutation.diff_ratio", mutation.DiffRatio, 0, 1);
        errors.AtLeast("mutation.max_retries", mutation.MaxRetries, 0);
        errors.AtLeast("mutation.literals_per_mutation", mutation.LiteralsPerMutation, 1);
        errors.Positive("mutation.sigma", mutation.Sigma);
        errors.AtLeast("mutation.inspirations", mutation.Inspirations, 0);
        LlmChecks.Validate(settings.Llm, errors);
        if (mutation.Operator == "llm" && settings.Llm.BaseUrl is null && settings.Llm.Models.Any(m => m.BaseUrl is null))
        {
            errors.Add("llm.base_url", "mutation.operator=llm needs an endpoint: set llm.base_url (or llm.models.N.base_url for every model).");
        }
        errors.InRange("redis.db", settings.Redis.Db, 0, 15);
        errors.NotBlank("output.root", settings.Output.Root);
        return errors.Messages;
    }

    /// <summary>Throws a <see cref="ConfigurationException"/> listing every problem, if any.</summary>
    public static void ThrowIfInvalid(EvolutionSettings settings)
    {
        var errors = Validate(settings);
        if (errors.Count > 0)
        {
            throw new ConfigurationException("Invalid configuration:\n  - " + string.Join("\n  - ", errors));
        }
    }

    /// <summary>Collects messages of the form "key: value is not ...".</summary>
    internal sealed class Errors
    {
        public List<string> Messages { get; } = [];

        public void Add(string key, string problem) => Messages.Add($"{key}: {problem}");

        public void AtLeast(string key, long value, long min)
        {
            if (value < min)
            {
                Add(key, $"{value} is out of range; it must be at least {min}.");
            }
        }

        public void InRange(string key, double value, double min, double max)
        {
            if (!(value >= min && value <= max))
            {
                Add(key, $"{Show(value)} is out of range; it must be between {Show(min)} and {Show(max)}.");
            }
        }

        public void Positive(string key, double value)
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                Add(key, $"{Show(value)} is out of range; it must be a positive number.");
            }
        }

        public void NotNegative(string key, double value)
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                Add(key, $"{Show(value)} is out of range; it must be zero or more.");
            }
        }

        public void OneOf(string key, string value, IReadOnlyList<string> allowed)
        {
            if (!allowed.Contains(value))
            {
                Add(key, $"'{value}' is not one of {string.Join(", ", allowed)}.");
            }
        }

        public void NotBlank(string key, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(key, "must not be empty.");
            }
        }

        private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
