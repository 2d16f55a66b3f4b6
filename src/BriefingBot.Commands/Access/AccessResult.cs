namespace BriefingBot.Commands.Access;

/// <summary>Whether a caller may run a command; a value, not an exception (Discord.Net's PreconditionResult).</summary>
public sealed record AccessResult(bool Allowed, string? Reason)
{
    public static AccessResult Granted { get; } = new(true, null);

    public static AccessResult Denied(string reason) => new(false, reason);
}
