namespace BriefingBot.Core.Store;

/// <summary>
/// Builds a per-snapshot cache before the snapshot is published, so the first request after a load or reload does
/// not pay for it (and, under load, no worker waits behind another that is building it).
/// </summary>
public interface ISnapshotWarmer
{
    void Warm(ArticleSnapshot snapshot);
}
