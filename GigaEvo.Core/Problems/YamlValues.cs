using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GigaEvo.Core.Problems;

/// <summary>YAML scalar conversions with the leniency of PyYAML + pydantic (yes/no booleans, 2.0 as an integer).</summary>
internal static class YamlValues
{
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "null",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        _ => "an unsupported YAML node",
    };

    public static bool TryString(YamlNode node, bool allowNull, out string? value)
    {
        value = null;
        if (IsNull(node))
        {
            return allowNull;
        }
        if (node is YamlScalarNode scalar)
        {
            value = scalar.Value ?? "";
            return true;
        }
        return false;
    }

    public static bool TryBoolean(YamlNode node, out bool value)
    {
        value = false;
        var text = (node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
        switch (text)
        {
            case "true" or "yes" or "on" or "1":
                value = true;
                return true;
            case "false" or "no" or "off" or "0":
                return true;
            default:
                return false;
        }
    }

    public static bool TryInteger(YamlNode node, out int value)
    {
        value = 0;
        if (!TryNumber(node, out var number) || number != Math.Floor(number) || number is < int.MinValue or > int.MaxValue)
        {
            return false;
        }
        value = (int)number;
        return true;
    }

    public static bool TryOptionalNumber(YamlNode node, out double? value)
    {
        value = null;
        if (IsNull(node))
        {
            return true;
        }
        if (!TryNumber(node, out var number))
        {
            return false;
        }
        value = number;
        return true;
    }

    private static bool TryNumber(YamlNode node, out double value)
    {
        value = 0;
        return node is YamlScalarNode { Value: { } text }
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}
