using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GigaEvo.Core.Configuration;

/// <summary>Reads YAML text into a configuration tree (scalars keep their text; typing happens at binding).</summary>
internal static class YamlTreeReader
{
    /// <summary>Reads a YAML document whose root is a mapping (an empty document is an empty map).</summary>
    public static ConfigMap ReadDocument(string yaml, string source)
    {
        var root = Parse(yaml, source);
        return root switch
        {
            null => new ConfigMap(),
            ConfigMap map => map,
            _ => throw new ConfigurationException($"{source}: the top level must be a mapping of keys to values."),
        };
    }

    /// <summary>Reads one YAML value, e.g. a flow list <c>[{metric: fitness, bins: 5}]</c>.</summary>
    public static ConfigNode ReadValue(string yaml, string source) => Parse(yaml, source) ?? ConfigScalar.Null;

    private static ConfigNode? Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException($"{source}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Inner(e).Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow lists and maps.
            throw new ConfigurationException($"{source}: invalid YAML (is a [ or {{ left open?): {e.Message}");
        }
        return stream.Documents.Count switch
        {
            0 => null,
            1 => Convert(stream.Documents[0].RootNode, source),
            _ => throw new ConfigurationException($"{source}: expected one YAML document, found {stream.Documents.Count}."),
        };
    }

    private static Exception Inner(Exception e) => e.InnerException is YamlException inner ? Inner(inner) : e;

    private static ConfigNode Convert(YamlNode node, string source)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var quoted = scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || !scalar.Tag.IsEmpty;
                return new ConfigScalar(scalar.Value, quoted);
            case YamlSequenceNode sequence:
                return new ConfigList(sequence.Children.Select(c => Convert(c, source)));
            case YamlMappingNode mapping:
                var map = new ConfigMap();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { Length: > 0 } name })
                    {
                        throw new ConfigurationException($"{source}: line {key.Start.Line}: keys must be plain names.");
                    }
                    map.Set(name, Convert(value, source));
                }
                return map;
            default:
                throw new ConfigurationException($"{source}: line {node.Start.Line}: unsupported YAML node.");
        }
    }
}
