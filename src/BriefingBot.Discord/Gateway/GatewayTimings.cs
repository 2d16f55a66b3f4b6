namespace BriefingBot.Discord.Gateway;

/// <summary>Reconnect pacing. Defaults follow Discord's guidance; tests shorten them to stay fast.</summary>
internal sealed record GatewayTimings
{
    public static GatewayTimings Default { get; } = new();

    /// <summary>Wait a random time in this range before identifying again after an invalid session.</summary>
    public TimeSpan ReidentifyMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReidentifyMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect delay after a failed attempt; doubles per consecutive failure, with jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A reconnect right after a healthy session (op 7, a drop) only waits a little jitter.</summary>
    public TimeSpan HealthyReconnectJitter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>One Identify per rate-limit bucket per this window (Discord's max_concurrency rule).</summary>
    public TimeSpan IdentifyWindow { get; init; } = TimeSpan.FromSeconds(5);
}
