using BriefingBot.Commands.Replies;

namespace BriefingBot.Commands.Results;

/// <summary>
/// What <c>--json</c> prints for a reply that is not a success: its kind, the message a person would read, and the
/// command's result when it had one (a failed reload still reports what it kept).
/// </summary>
public sealed record ProblemResult(ReplyKind Kind, string? Message, object? Data);
