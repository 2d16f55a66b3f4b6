using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// HTTP mode's memory of answered interactions. A signed request stays "fresh" for
/// <see cref="DiscordOptions.MaxTimestampAge"/> either side of now, so an id is kept for twice that (plus a minute
/// of slack) and a captured request cannot be replayed while its timestamp would still pass. Per instance: behind a
/// load balancer a replay sent to another instance is still answered there, which the short freshness window bounds.
/// </summary>
internal sealed class HttpReplayGuard(IOptions<DiscordOptions> options, TimeProvider timeProvider)
{
    /// <summary>Well above 200 interactions/s for 10 minutes; a few megabytes at most.</summary>
    public const int Capacity = 131_072;

    private readonly RecentIds _answered = new(Capacity, (2 * options.Value.MaxTimestampAge) + TimeSpan.FromMinutes(1), timeProvider);

    /// <summary>True the first time an interaction id arrives; false for a replay.</summary>
    public bool TryClaim(ulong interactionId) => _answered.Add(interactionId);
}
