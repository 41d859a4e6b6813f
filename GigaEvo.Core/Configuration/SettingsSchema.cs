using System.Reflection;
using System.Text;

namespace GigaEvo.Core.Configuration;

/// <summary>
/// The shape of <see cref="EvolutionSettings"/> as YAML keys, read from the record types themselves
/// (snake_case property names), so the settings types are the single source of valid keys.
/// </summary>
internal abstract record SchemaNode
{
    public static SectionSchema Root { get; } = (SectionSchema)For(typeof(EvolutionSettings), nullable: false);

    public static SchemaNode For(Type type, bool nullable)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return new ScalarSchema(underlying, Nullable: true);
        }
        if (type == typeof(string) || type.IsPrimitive)
        {
            return new ScalarSchema(type, nullable);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = type.GetGenericArguments()[0];
            return new ListSchema(itemType, For(itemType, nullable: false));
        }
        return SectionSchema.Create(type);
    }

    /// <summary><c>MaxGenerations</c> → <c>max_generations</c>.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}

internal sealed record ScalarSchema(Type Type, bool Nullable) : SchemaNode
{
    public string TypeName => (Type == typeof(int) || Type == typeof(long) ? "an integer"
        : Type == typeof(double) ? "a number"
        : Type == typeof(bool) ? "a boolean (true or false)"
        : "a string") + (Nullable ? " or null" : "");
}

internal sealed record ListSchema(Type ItemType, SchemaNode Item) : SchemaNode;

internal sealed record SectionSchema(Type Type, IReadOnlyList<SchemaProperty> Properties) : SchemaNode
{
    private static readonly NullabilityInfoContext Nullability = new();

    public SchemaProperty? Find(string key) => Properties.FirstOrDefault(p => p.Key == key);

    public static SectionSchema Create(Type type)
    {
        var properties = new List<SchemaProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var nullable = Nullability.Create(property).WriteState == NullabilityState.Nullable;
            properties.Add(new SchemaProperty(SnakeCase(property.Name), property, For(property.PropertyType, nullable)));
        }
        return new SectionSchema(type, properties);
    }
}

/// <summary>One settable property of a settings record and its YAML key.</summary>
internal sealed record SchemaProperty(string Key, PropertyInfo Property, SchemaNode Schema);
