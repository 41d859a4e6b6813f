namespace GigaEvo.Core.Configuration;

/// <summary>
/// The run configuration could not be composed: an unknown key or preset, a malformed override,
/// a value of the wrong type or out of range. The message says which key and what is allowed.
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
