namespace BriefingBot.Core.Store;

public enum ReloadStatus
{
    /// <summary>A new snapshot is serving.</summary>
    Reloaded,

    /// <summary>Another reload was running; this one did nothing.</summary>
    AlreadyRunning,

    /// <summary>The load failed as a whole; the previous content keeps serving.</summary>
    Failed,
}
