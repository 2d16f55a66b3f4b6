namespace BriefingBot.Feeds;

/// <summary>One entry of <c>Sources:Feeds</c>: <c>{ "url": …, "name": …, "pollMinutes": …, "tags": [ … ] }</c>.</summary>
public sealed class ConfiguredFeed
{
    public string Url { get; set; } = string.Empty;

    public string? Name { get; set; }

    public int? PollMinutes { get; set; }

    public IList<string> Tags { get; init; } = [];
}
