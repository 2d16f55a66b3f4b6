using BriefingBot.Feeds.Sources;

namespace BriefingBot.Commands.Results;

/// <summary>A feed as /sources and its CLI verbs report it (<c>--json</c>).</summary>
public sealed record SourceView
{
    public SourceView(FeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Id = source.Id;
        Name = source.DisplayName;
        Url = source.Url;
        PollMinutes = (int)source.PollInterval.TotalMinutes;
        Origin = source.Origin == FeedSourceOrigin.Settings ? "settings" : "moderator";
        Enabled = source.Enabled;
        DisabledReason = source.State.DisabledReason;
        Articles = source.State.ItemCount;
        LastReadAt = source.State.LastSuccessAt;
        NextReadAt = source.State.NextPollAt;
        LastError = source.State.LastError;
        ConsecutiveFailures = source.State.ConsecutiveFailures;
    }

    public long Id { get; init; }

    public string Name { get; init; }

    public string Url { get; init; }

    public int PollMinutes { get; init; }

    public string Origin { get; init; }

    public bool Enabled { get; init; }

    public string? DisabledReason { get; init; }

    public int Articles { get; init; }

    public DateTimeOffset? LastReadAt { get; init; }

    public DateTimeOffset? NextReadAt { get; init; }

    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }
}
