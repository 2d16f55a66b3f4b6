using BriefingBot.Core.Diagnostics;
using Microsoft.Extensions.Options;

namespace BriefingBot.Commands.Cooldowns;

/// <summary>
/// Per-user and per-guild token buckets for the expensive commands. A command runs only when both buckets have a
/// token, and only then are both charged, so a refused attempt costs nothing. Idle buckets (full again) are pruned,
/// so memory follows the number of recently active users, not everyone ever seen.
/// </summary>
public sealed class CommandCooldowns(IOptions<CooldownOptions> options, TimeProvider timeProvider, BotMetrics? metrics = null)
{
    private const int PruneEvery = 1024;

    /// <summary>Refills are fractional; without a tolerance 0.9 + 0.1 tokens can fall just short of one.</summary>
    private const double Epsilon = 1e-9;

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, Bucket> _users = [];
    private readonly Dictionary<ulong, Bucket> _guilds = [];
    private readonly HashSet<string> _commands = new(options.Value.EffectiveCommands, StringComparer.OrdinalIgnoreCase);
    private int _sincePrune;

    /// <summary>Users and guilds currently tracked (for tests and diagnostics).</summary>
    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _users.Count + _guilds.Count;
            }
        }
    }

    public CooldownResult TryAcquire(string command, CommandCaller caller)
    {
        var settings = options.Value;
        if (!settings.Enabled || !_commands.Contains(command) || IsLocalOperator(caller))
        {
            return CooldownResult.Allow;
        }

        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (++_sincePrune >= PruneEvery)
            {
                _sincePrune = 0;
                Prune(_users, settings.PerUser, now);
                Prune(_guilds, settings.PerGuild, now);
            }

            var user = Get(_users, caller.UserId, settings.PerUser, now);
            var guild = caller.GuildId is { } guildId ? Get(_guilds, guildId, settings.PerGuild, now) : null;
            if (user.Tokens < 1 - Epsilon)
            {
                metrics?.Cooldown("user");
                return new CooldownResult(false, user.UntilNextToken(settings.PerUser), "user");
            }

            if (guild is not null && guild.Tokens < 1 - Epsilon)
            {
                metrics?.Cooldown("guild");
                return new CooldownResult(false, guild.UntilNextToken(settings.PerGuild), "guild");
            }

            user.Tokens--;
            if (guild is not null)
            {
                guild.Tokens--;
            }

            return CooldownResult.Allow;
        }
    }

    private static bool IsLocalOperator(CommandCaller caller) => caller.UserId == 0 && caller.GuildId is null;

    private static Bucket Get(Dictionary<ulong, Bucket> buckets, ulong key, CooldownLimit limit, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket { Tokens = limit.Count, UpdatedAt = now };
            buckets[key] = bucket;
            return bucket;
        }

        bucket.Refill(limit, now);
        return bucket;
    }

    private static void Prune(Dictionary<ulong, Bucket> buckets, CooldownLimit limit, DateTimeOffset now)
    {
        foreach (var (key, bucket) in buckets)
        {
            bucket.Refill(limit, now);
            if (bucket.Tokens >= limit.Count - Epsilon)
            {
                buckets.Remove(key); // full again: forgetting it changes nothing
            }
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public void Refill(CooldownLimit limit, DateTimeOffset now)
        {
            var elapsed = now - UpdatedAt;
            if (elapsed <= TimeSpan.Zero)
            {
                return;
            }

            Tokens = Math.Min(limit.Count, Tokens + (limit.Count * (elapsed / limit.Window)));
            UpdatedAt = now;
        }

        public TimeSpan UntilNextToken(CooldownLimit limit) =>
            (1 - Tokens) * (limit.Window / limit.Count);
    }
}
