namespace GigaEvo.Core.Configuration;

/// <summary>Checks of <c>islands</c> and <c>migration</c>.</summary>
internal static class IslandChecks
{
    public static void Validate(IReadOnlyList<IslandSettings> islands, SettingsValidator.Errors errors)
    {
        if (islands.Count == 0)
        {
            errors.Add("islands", "at least one island is required.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < islands.Count; i++)
        {
            var island = islands[i];
            var key = $"islands.{i}";
            errors.NotBlank($"{key}.name", island.Name);
            if (!string.IsNullOrWhiteSpace(island.Name) && !seen.Add(island.Name))
            {
                errors.Add($"{key}.name", $"'{island.Name}' is used by another island; island names must be unique.");
            }
            errors.OneOf($"{key}.selection", island.Selection, SettingsValidator.SelectionStrategies);
            errors.AtLeast($"{key}.tournament_size", island.TournamentSize, 1);
            errors.AtLeast($"{key}.max_size", island.MaxSize, 0);
            if (island.Axes.Count == 0)
            {
                errors.Add($"{key}.axes", "at least one axis is required.");
            }
            for (var j = 0; j < island.Axes.Count; j++)
            {
                ValidateAxis(island.Axes[j], $"{key}.axes.{j}", errors);
            }
        }
    }

    private static void ValidateAxis(AxisSettings axis, string key, SettingsValidator.Errors errors)
    {
        errors.NotBlank($"{key}.metric", axis.Metric);
        errors.AtLeast($"{key}.bins", axis.Bins, 1);
        if (axis.Min is { } min && axis.Max is { } max && !(min < max))
        {
            errors.Add($"{key}.min", $"{min} must be below {key}.max ({max}).");
        }
    }
}
