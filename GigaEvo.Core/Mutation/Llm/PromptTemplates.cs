using System.Text;
using System.Text.RegularExpressions;
using GigaEvo.Core.Configuration;

namespace GigaEvo.Core.Mutation.Llm;

/// <summary>
/// The prompt files (<c>config/prompts/*.md</c>), each replaced by the problem's <c>prompts/</c> file of the
/// same name when there is one. <c>{{name}}</c> placeholders are filled by <see cref="Render"/>.
/// </summary>
public sealed partial class PromptTemplates
{
    public static readonly string Folder = Path.Combine("config", "prompts");
    private readonly IReadOnlyDictionary<string, string> _templates;

    private PromptTemplates(IReadOnlyDictionary<string, string> templates) => _templates = templates;

    /// <summary>Loads the shipped prompts (found like the presets) and the problem's overrides.</summary>
    public static PromptTemplates Load(string? problemDirectory) =>
        Load(GigaEvoPaths.Find(Folder) ?? throw new ConfigurationException(
            $"Cannot find the '{Folder}' folder of the LLM agent's prompts; run from the GigaEvo folder or set {GigaEvoPaths.HomeVariable}."), problemDirectory);

    public static PromptTemplates Load(string folder, string? problemDirectory)
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
        {
            templates[Path.GetFileNameWithoutExtension(file)] = Read(file);
        }
        var overrides = problemDirectory is null ? null : Path.Combine(problemDirectory, "prompts");
        if (overrides is not null && Directory.Exists(overrides))
        {
            foreach (var file in Directory.EnumerateFiles(overrides, "*.md"))
            {
                templates[Path.GetFileNameWithoutExtension(file)] = Read(file);
            }
        }
        return new PromptTemplates(templates);
    }

    /// <summary>
    /// Fills <c>{{name}}</c> from <paramref name="values"/>; a line holding only a placeholder whose value is
    /// empty is dropped. Values are inserted as they are (a program's own braces are never read as placeholders).
    /// </summary>
    public string Render(string name, IReadOnlyDictionary<string, string> values)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new InvalidOperationException($"prompt template '{name}.md' is missing from {Folder} (and the problem's prompts/ folder)");
        }
        var text = new StringBuilder();
        foreach (var line in template.Split('\n'))
        {
            if (Placeholder().Match(line.Trim()) is { Success: true } only && only.Length == line.Trim().Length
                && Value(name, only.Groups[1].Value, values).Length == 0)
            {
                continue;
            }
            text.Append(Placeholder().Replace(line, m => Value(name, m.Groups[1].Value, values))).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string Value(string template, string key, IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(key, out var value)
            ? value
            : throw new InvalidOperationException($"prompt template '{template}.md' uses {{{{{key}}}}}, which the agent does not provide (known: {string.Join(", ", values.Keys)})");

    private static string Read(string file) => File.ReadAllText(file).ReplaceLineEndings("\n").TrimEnd('\n');

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
