using System.Text.Json.Serialization;

namespace GigaEvo.Core.Programs;

/// <summary>Source-generated JSON for what stores persist (files now, Redis hashes later).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(EvolvedProgram))]
public sealed partial class ProgramJson : JsonSerializerContext;
