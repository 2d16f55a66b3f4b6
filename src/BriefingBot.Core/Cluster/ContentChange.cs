namespace BriefingBot.Core.Cluster;

/// <summary>What changed on one instance that every other instance sharing its database must pick up.</summary>
public enum ContentChange
{
    /// <summary>A moderator reloaded the content folder.</summary>
    Folder,

    /// <summary>Feed sources or their stored articles changed (a poll stored items, a source was added or removed).</summary>
    Feeds,
}
