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

    /// <summary>A copy of the tree with every API key (<c>llm.api_key</c>, <c>llm.models.N.api_key</c>) replaced by <c>***</c> when set.</summary>
    public static ConfigMap RedactSecrets(ConfigMap tree)
    {
        var copy = (ConfigMap)tree.DeepClone();
        foreach (var holder in KeyHolders(copy))
        {
            if (holder.TryGet("api_key", out var key) && key is ConfigScalar { IsNull: false })
            {
                holder.Set("api_key", new ConfigScalar(Redacted, isQuoted: true));
            }
        }
        return copy;
    }

    /// <summary>The maps that may hold an <c>api_key</c>: <c>llm</c> and each of <c>llm.models</c>.</summary>
    internal static IEnumerable<ConfigMap> KeyHolders(ConfigMap tree)
    {
        if (tree.Find("llm") is not ConfigMap llm)
        {
            yield break;
        }
        yield return llm;
        if (llm.TryGet("models", out var models) && models is ConfigList list)
        {
            foreach (var model in list.Items.OfType<ConfigMap>())
            {
                yield return model;
            }
        }
    }
}
