using System.Text;

namespace GigaEvo.Core.Configuration;

/// <summary>Writes a resolved configuration as YAML with a header comment; the API key never appears.</summary>
internal static class ResolvedConfigWriter
{
    public const string Redacted = "***";

    public static string Write(ComposedConfig config)
    {
        var text = new StringBuilder();
        text.Append("# GigaEvo resolved run configuration (every key; see config/presets/defaults.yaml for what each means).\n");
        text.Append("# preset: ").Append(config.Preset).Append('\n');
        if (config.Overrides.Count == 0)
        {
            text.Append("# overrides: (none)\n");
        }
        else
        {
            text.Append("# overrides:\n");
            foreach (var item in config.Overrides)
            {
                text.Append("#   ").Append(item.Display.ReplaceLineEndings(" ")).Append('\n');
            }
        }
        text.Append("# llm.api_key is never written: give it again (llm.api_key=...) when resuming.\n");
        text.Append(YamlTreeWriter.Write(RedactSecrets(config.Tree)));
        return text.ToString();
    }

    /// <summary>A copy of the tree with <c>llm.api_key</c> replaced by <c>***</c> when it is set.</summary>
    public static ConfigMap RedactSecrets(ConfigMap tree)
    {
        var copy = (ConfigMap)tree.DeepClone();
        if (copy.Find("llm") is ConfigMap llm && llm.TryGet("api_key", out var key) && key is ConfigScalar { IsNull: false })
        {
            llm.Set("api_key", new ConfigScalar(Redacted, isQuoted: true));
        }
        return copy;
    }
}
