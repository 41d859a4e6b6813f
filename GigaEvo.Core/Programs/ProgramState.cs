namespace GigaEvo.Core.Programs;

/// <summary>Lifecycle of a program; names match the Python GigaEvo's Redis state keys.</summary>
public enum ProgramState
{
    Fresh,
    ProcessingStarted,
    ProcessingCompleted,
    Evolving,
    Discarded,
}

public static class ProgramStates
{
    public static string ToKey(this ProgramState state) => state switch
    {
        ProgramState.Fresh => "FRESH",
        ProgramState.ProcessingStarted => "PROCESSING_STARTED",
        ProgramState.ProcessingCompleted => "PROCESSING_COMPLETED",
        ProgramState.Evolving => "EVOLVING",
        ProgramState.Discarded => "DISCARDED",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The allowed transitions; anything else is refused by every store.</summary>
    public static bool CanMove(ProgramState from, ProgramState to) => (from, to) switch
    {
        (ProgramState.Fresh, ProgramState.ProcessingStarted) => true,
        (ProgramState.ProcessingStarted, ProgramState.ProcessingCompleted) => true,
        (ProgramState.ProcessingStarted, ProgramState.Fresh) => true, // crash recovery
        (ProgramState.ProcessingCompleted, ProgramState.Evolving) => true,
        (ProgramState.ProcessingCompleted, ProgramState.Discarded) => true,
        (ProgramState.Evolving, ProgramState.Discarded) => true,
        (ProgramState.Fresh, ProgramState.Discarded) => true,
        _ => false,
    };
}
