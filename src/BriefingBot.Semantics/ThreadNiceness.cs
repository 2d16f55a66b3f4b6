using System.Runtime.InteropServices;

namespace BriefingBot.Semantics;

/// <summary>
/// Lowers the calling thread's scheduling priority for real. On Linux, .NET leaves <see cref="Thread.Priority"/>
/// without effect for unprivileged processes, but a thread's nice value can always be raised (made nicer), and on
/// Linux <c>setpriority(PRIO_PROCESS, 0, …)</c> applies to the calling thread alone.
/// </summary>
internal static partial class ThreadNiceness
{
    private const int ProcessPriority = 0; // PRIO_PROCESS
    private const int Nice = 10;

    public static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetPriority(ProcessPriority, 0, Nice); // best effort: a failure leaves the normal priority
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
