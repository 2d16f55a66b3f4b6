namespace BriefingBot.Commands.Cooldowns;

/// <summary>At most <see cref="Count"/> expensive commands per <see cref="Window"/>, refilled smoothly (a token bucket).</summary>
public sealed class CooldownLimit
{
    public int Count { get; set; }

    public TimeSpan Window { get; set; }
}
