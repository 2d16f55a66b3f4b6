using BriefingBot.Core.Cluster;
using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// HTTP mode's memory of answered interactions. A signed request stays "fresh" for
/// <see cref="DiscordOptions.MaxTimestampAge"/> either side of now, so an id is kept for twice that (plus a minute
/// of slack) and a captured request cannot be replayed while its timestamp would still pass. Each instance remembers
/// in memory; when instances share a database (<see cref="ISharedClaims"/>) an id is also claimed there, so a replay
/// sent to another instance behind the load balancer is refused too.
/// </summary>
internal sealed partial class HttpReplayGuard(
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<HttpReplayGuard> logger,
    ISharedClaims? shared = null)
{
    /// <summary>Well above 200 interactions/s for 10 minutes; a few megabytes at most.</summary>
    public const int Capacity = 131_072;

    private static TimeSpan KeepFor(DiscordOptions options) => (2 * options.MaxTimestampAge) + TimeSpan.FromMinutes(1);

    private readonly TimeSpan _keepFor = KeepFor(options.Value);
    private readonly RecentIds _answered = new(Capacity, KeepFor(options.Value), timeProvider);
    private readonly LogThrottle _throttle = new(timeProvider, TimeSpan.FromMinutes(1));

    /// <summary>True the first time an interaction id arrives (at any instance sharing the database); false for a replay.</summary>
    public async ValueTask<bool> TryClaimAsync(ulong interactionId, CancellationToken cancellationToken)
    {
        if (!_answered.Add(interactionId))
        {
            return false;
        }

        if (shared is null)
        {
            return true;
        }

        try
        {
            return await shared.TryClaimAsync($"interaction:{interactionId}", _keepFor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is the shared memory, not a gate: while it is away, each instance still refuses the
            // replays it saw itself, and interactions keep being answered.
            if (_throttle.ShouldLog("shared-claims", out var suppressed))
            {
                LogSharedClaimFailed(logger, ex, suppressed);
            }

            return true;
        }
    }

    [LoggerMessage(EventId = 3406, Level = LogLevel.Warning, Message = "Could not check the shared replay memory; answering, with this instance's memory only ({Suppressed} more since the last report)")]
    private static partial void LogSharedClaimFailed(ILogger logger, Exception exception, int suppressed);
}
