namespace BriefingBot.Core.Semantics;

/// <summary>
/// Tells reports (such as /reload's) how far the published snapshot is embedded, without making them depend on the
/// model. Optional: hosts without meaning do not register it.
/// </summary>
public interface IEmbeddingProgress
{
    /// <summary>The published snapshot's progress, or null when meaning is off or its model is not loaded.</summary>
    EmbeddingProgress? Current();
}
