namespace BriefingBot.Commands.Cooldowns;

/// <summary>Whether a command may run now; when not, how long until it may and which limit said no.</summary>
public sealed record CooldownResult(bool Allowed, TimeSpan RetryAfter, string? Scope)
{
    public static CooldownResult Allow { get; } = new(true, TimeSpan.Zero, null);
}
