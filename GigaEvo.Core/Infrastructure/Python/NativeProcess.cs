using System.Runtime.InteropServices;

namespace GigaEvo.Core.Infrastructure.Python;

/// <summary>Process-group signalling, which System.Diagnostics.Process does not offer.</summary>
internal static partial class NativeProcess
{
    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Kills every process of the group led by <paramref name="pgid"/>; false when none was left.</summary>
    public static bool KillGroup(int pgid) => pgid > 1 && Kill(-pgid, SigKill) == 0;

    public static bool GroupExists(int pgid) => pgid > 1 && Kill(-pgid, 0) == 0;
}
