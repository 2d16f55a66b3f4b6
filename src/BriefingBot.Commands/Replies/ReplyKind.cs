namespace BriefingBot.Commands.Replies;

/// <summary>Whether a command succeeded; transports use it for exit codes and styling.</summary>
public enum ReplyKind
{
    Success,

    /// <summary>The input could not be used (empty question, unknown article); the caller can fix it.</summary>
    Problem,

    /// <summary>The caller may not run this command.</summary>
    Refused,

    /// <summary>Something broke on our side; it was logged.</summary>
    Failure,
}
