namespace BriefingBot.Feeds.Fetching;

/// <summary>What is being fetched, which decides the Accept header and the content types taken.</summary>
public enum FetchKind
{
    Feed,
    Page,
}
