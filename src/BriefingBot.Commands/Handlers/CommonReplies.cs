using BriefingBot.Commands.Replies;

namespace BriefingBot.Commands.Handlers;

/// <summary>Replies several handlers share, worded once.</summary>
internal static class CommonReplies
{
    public static Reply NoArticles() =>
        Reply.Problem("No articles are loaded yet. A moderator can add article files to the content folder and run /reload.");
}
