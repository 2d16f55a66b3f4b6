using BriefingBot.Feeds.Polling;

namespace BriefingBot.Feeds.Sources;

/// <summary>What /sources add did: the saved source and its first poll, or why nothing was added.</summary>
public sealed record SourceAddResult(FeedSource? Source, PollResult? FirstPoll)
{
    /// <summary>Why the source was not added (bad URL, already subscribed); null when it was.</summary>
    public string? Problem { get; init; }

    /// <summary>The subscription that already has this URL, when that is the problem.</summary>
    public FeedSource? Existing { get; init; }
}
