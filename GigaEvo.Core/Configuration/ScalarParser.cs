using System.Globalization;

namespace GigaEvo.Core.Configuration;

/// <summary>Turns a scalar's text into the value a setting expects (YAML 1.2 core schema forms).</summary>
internal static class ScalarParser
{
    /// <summary>The typed value, or false when the text is not of <paramref name="schema"/>'s type.</summary>
    public static bool TryParse(ConfigScalar scalar, ScalarSchema schema, out object? value)
    {
        value = null;
        if (scalar.IsNull)
        {
            return schema.Nullable;
        }
        var text = scalar.Text!.Trim();
        var type = schema.Type;
        if (type == typeof(string))
        {
            value = scalar.Text;
            return true;
        }
        if (type == typeof(bool))
        {
            var parsed = ParseBool(text);
            value = parsed;
            return parsed is not null;
        }
        if (type == typeof(int) || type == typeof(long))
        {
            if (!TryParseInteger(text, out var integer))
            {
                return false;
            }
            if (type == typeof(int) && integer is < int.MinValue or > int.MaxValue)
            {
                return false;
            }
            value = type == typeof(int) ? (object)(int)integer : integer;
            return true;
        }
        if (type == typeof(double))
        {
            var parsed = ParseDouble(text);
            value = parsed;
            return parsed is not null;
        }
        throw new InvalidOperationException($"Settings of type {type.Name} are not supported.");
    }

    /// <summary>The text a value is written as, such that <see cref="TryParse"/> reads it back.</summary>
    public static ConfigScalar Format(object? value) => value switch
    {
        null => ConfigScalar.Null,
        string s => new ConfigScalar(s, isQuoted: true),
        bool b => new ConfigScalar(b ? "true" : "false"),
        double d when double.IsPositiveInfinity(d) => new ConfigScalar(".inf"),
        double d when double.IsNegativeInfinity(d) => new ConfigScalar("-.inf"),
        double d when double.IsNaN(d) => new ConfigScalar(".nan"),
        double d => new ConfigScalar(d.ToString("R", CultureInfo.InvariantCulture)),
        IFormattable f => new ConfigScalar(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new ConfigScalar(value.ToString(), isQuoted: true),
    };

    private static bool? ParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    private static bool TryParseInteger(string text, out long value)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static double? ParseDouble(string text)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }
        var style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return double.TryParse(text, style, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
