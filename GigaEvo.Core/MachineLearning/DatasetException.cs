namespace GigaEvo.Core.MachineLearning;

/// <summary>A dataset was refused; the message says what is wrong and how to fix it.</summary>
public sealed class DatasetException(string message) : Exception(message);
