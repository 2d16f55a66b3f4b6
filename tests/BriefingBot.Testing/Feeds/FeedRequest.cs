namespace BriefingBot.Testing.Feeds;

/// <summary>One request the fake publisher saw.</summary>
public sealed record FeedRequest(string Path, string IfNoneMatch, string UserAgent);
