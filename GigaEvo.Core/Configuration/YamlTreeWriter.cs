using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GigaEvo.Core.Configuration;

/// <summary>Writes a configuration tree as block-style YAML that <see cref="YamlTreeReader"/> reads back unchanged.</summary>
internal static partial class YamlTreeWriter
{
    public static string Write(ConfigMap root)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, EmitterSettings.Default.WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, ConfigNode node)
    {
        switch (node)
        {
            case ConfigMap map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case ConfigList list:
                var style = list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, style));
                foreach (var item in list.Items)
                {
                    Emit(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case ConfigScalar scalar:
                emitter.Emit(ToEvent(scalar));
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private static Scalar ToEvent(ConfigScalar scalar)
    {
        if (scalar.IsNull)
        {
            return new Scalar("null");
        }
        var text = scalar.Text!;
        // A quoted string that would read back as another type (a number, a bool, null) keeps its quotes.
        var style = scalar.IsQuoted && (text.Length == 0 || LooksTyped(text)) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        return new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true);
    }

    private static bool LooksTyped(string text) => TypedPlainScalar().IsMatch(text);

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex TypedPlainScalar();
}
