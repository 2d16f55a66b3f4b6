namespace BriefingBot.Feeds.Sources;

public enum FeedSourceOrigin
{
    /// <summary>Added by a moderator (/sources add or the CLI); removed the same way.</summary>
    Moderator,

    /// <summary>Listed in <c>Sources:Feeds</c>; comes back at the next start unless removed from settings.</summary>
    Settings,
}
