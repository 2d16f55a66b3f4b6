using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Core.Timing;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Gateway;

/// <summary>
/// Runs this instance's gateway shards: reads <c>GET /gateway/bot</c>, works out the <see cref="ShardPlan"/> from
/// <c>Discord:ShardCount</c>/<c>Discord:ShardIds</c> or Discord's recommendation, and runs one
/// <see cref="GatewayClient"/> per shard, all pacing their identifies through one <see cref="IdentifyScheduler"/>.
/// When a shard is closed with 4011 (sharding required) every shard stops, the recommendation is read again and
/// they start over with more shards (see <see cref="ShardPlan.AfterShardingRequired"/>). Interactions from every
/// shard come out of the one <see cref="InteractionCreated"/> event, so the command layer never sees shards.
/// </summary>
public sealed partial class GatewayShardManager
{
    private readonly DiscordRestClient _rest;
    private readonly GatewayClientFactory _clients;
    private readonly IOptions<DiscordOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GatewayShardManager> _logger;
    private volatile IReadOnlyList<GatewayClient> _running = [];
    private volatile ShardPlan? _plan;
    private volatile int _fatalCloseCode;

    public GatewayShardManager(
        DiscordRestClient rest,
        GatewayClientFactory clients,
        IOptions<DiscordOptions> options,
        TimeProvider timeProvider,
        ILogger<GatewayShardManager> logger,
        BotMetrics? metrics = null)
    {
        _rest = rest;
        _clients = clients;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        metrics?.Meter.CreateObservableGauge(
            "briefingbot.gateway.shard.ready",
            ObserveReady,
            description: "1 for each of this instance's gateway shards with a live session, 0 for the others");
    }

    /// <summary>Raised for every INTERACTION_CREATE on any shard, on that shard's read loop (see <see cref="GatewayClient.InteractionCreated"/>).</summary>
    public event Func<JsonInteraction, CancellationToken, Task>? InteractionCreated;

    /// <summary>The shards running now; null before the first <c>GET /gateway/bot</c> answered.</summary>
    public ShardPlan? Plan => _plan;

    public IReadOnlyList<GatewayShardState> Shards => _running.Select(c => new GatewayShardState(c.Shard, c.IsReady, c.FatalCloseCode)).ToList();

    /// <summary>Every shard of this instance has a live session.</summary>
    public bool IsReady => _running is { Count: > 0 } running && running.All(c => c.IsReady);

    /// <summary>The first fatal close code that stopped a shard (or 4004 when the token was refused up front).</summary>
    public int? FatalCloseCode => _fatalCloseCode == 0 ? null : _fatalCloseCode;

    internal GatewayTimings Timings { get; set; } = GatewayTimings.Default;

    /// <summary>Runs every shard of this instance until <paramref name="cancellationToken"/> fires or all have stopped.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        ShardPlan? previous = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            JsonGatewayBot gateway;
            try
            {
                gateway = await _rest.GetGatewayBotAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordRestException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
            {
                _fatalCloseCode = (int)GatewayCloseCode.AuthenticationFailed;
                var reason = GatewayCloseCodes.Describe((int)GatewayCloseCode.AuthenticationFailed);
                LogTokenRefused(_logger, reason);
                return;
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or JsonException)
            {
                failures++;
                var delay = new ExponentialBackoff(Timings.ReconnectBaseDelay, Timings.ReconnectMaxDelay) { JitterMin = 0.5, JitterMax = 1.0 }.Delay(failures - 1);
                LogDiscoveryFailed(_logger, ex.Message, (long)delay.TotalMilliseconds);
                if (!await DelayAsync(delay, cancellationToken))
                {
                    return;
                }

                continue;
            }

            failures = 0;
            var plan = previous is null
                ? ShardPlan.FromOptions(settings, gateway.Shards)
                : previous.AfterShardingRequired(gateway.Shards, partOfFleet: settings.ShardCount > 0 && settings.ShardIds.Count > 0);
            LogPlan(plan, previous, gateway, settings);
            if (!await RunPlanAsync(plan, gateway, cancellationToken))
            {
                return;
            }

            previous = plan;

            // Every shard identifies again now; a short random pause keeps a fleet that got 4011 together from
            // reading /gateway/bot and identifying in the same instant.
            var range = Timings.ReidentifyMaxDelay - Timings.ReidentifyMinDelay;
            if (!await DelayAsync(Timings.ReidentifyMinDelay + (range * Random.Shared.NextDouble()), cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Runs the plan's shards; true when they stopped because Discord asked for more shards.</summary>
    private async Task<bool> RunPlanAsync(ShardPlan plan, JsonGatewayBot gateway, CancellationToken cancellationToken)
    {
        var limit = gateway.SessionStartLimit;
        var scheduler = new IdentifyScheduler(limit?.MaxConcurrency ?? 1, limit, Timings.IdentifyWindow, _timeProvider, _logger);
        using var stopShards = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clients = plan.Shards.Select(shard =>
        {
            var client = _clients.Create(shard, scheduler, gateway.Url);
            client.Timings = Timings;

            // The host's token, not the shards': a reshard closes the shards but must not cancel work in flight.
            client.InteractionCreated += (interaction, _) => ForwardAsync(interaction, cancellationToken);
            return client;
        }).ToList();
        _running = clients;
        _plan = plan;

        var running = clients.ToDictionary(client => client.RunAsync(stopShards.Token));
        var reshard = false;
        while (running.Count > 0)
        {
            var finished = await Task.WhenAny(running.Keys);
            var client = running[finished];
            running.Remove(finished);
            try
            {
                await finished;
            }
            catch (Exception ex)
            {
                LogShardFailed(_logger, ex, client.Shard.Id);
            }

            if (client.ShardingRequired && !reshard)
            {
                reshard = true;
                await stopShards.CancelAsync();
            }
            else if (client.FatalCloseCode is { } code && _fatalCloseCode == 0)
            {
                _fatalCloseCode = code;
            }
        }

        return reshard && !cancellationToken.IsCancellationRequested;
    }

    private Task ForwardAsync(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        if (InteractionCreated is not { } handlers)
        {
            return Task.CompletedTask;
        }

        var list = handlers.GetInvocationList().Cast<Func<JsonInteraction, CancellationToken, Task>>().ToList();
        return list.Count == 1 ? list[0](interaction, cancellationToken) : Task.WhenAll(list.Select(handler => handler(interaction, cancellationToken)));
    }

    private void LogPlan(ShardPlan plan, ShardPlan? previous, JsonGatewayBot gateway, DiscordOptions settings)
    {
        var ids = string.Join(", ", plan.Ids);
        var concurrency = gateway.SessionStartLimit?.MaxConcurrency ?? 1;
        if (previous is null)
        {
            LogStarting(_logger, plan.Count, ids, settings.ShardCount > 0 ? "Discord:ShardCount" : "Discord's recommendation", gateway.Shards, concurrency);
        }
        else if (settings.ShardCount > 0)
        {
            LogConfiguredCountTooSmall(_logger, previous.Count, gateway.Shards, plan.Count, ids);
        }
        else
        {
            LogResharding(_logger, previous.Count, gateway.Shards, plan.Count);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private IEnumerable<Measurement<int>> ObserveReady() =>
        _running.Select(c => new Measurement<int>(c.IsReady ? 1 : 0, new KeyValuePair<string, object?>("shard", c.Shard.Id)));

    [LoggerMessage(EventId = 3320, Level = LogLevel.Information, Message = "Gateway starting {ShardCount} shard(s) in total, this instance runs {ShardIds} (from {Source}; Discord recommends {Recommended}, max_concurrency {MaxConcurrency})")]
    private static partial void LogStarting(ILogger logger, int shardCount, string shardIds, string source, int recommended, int maxConcurrency);

    [LoggerMessage(EventId = 3321, Level = LogLevel.Error, Message = "Discord requires more shards than the {ConfiguredCount} configured (close 4011) and recommends {Recommended}. Moving to {ShardCount} shards, this instance running {ShardIds}. Set Discord:ShardCount={ShardCount} on every instance (and spread Discord:ShardIds over them) so the next start does not begin with too few")]
    private static partial void LogConfiguredCountTooSmall(ILogger logger, int configuredCount, int recommended, int shardCount, string shardIds);

    [LoggerMessage(EventId = 3322, Level = LogLevel.Warning, Message = "Discord requires more shards than {PreviousCount} (close 4011) and recommends {Recommended}; restarting every shard with {ShardCount}")]
    private static partial void LogResharding(ILogger logger, int previousCount, int recommended, int shardCount);

    [LoggerMessage(EventId = 3323, Level = LogLevel.Warning, Message = "Could not read GET /gateway/bot: {Reason}; trying again in {DelayMs} ms")]
    private static partial void LogDiscoveryFailed(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Critical, Message = "Discord gateway stopped for good: 4004 {Description}. Not retrying.")]
    private static partial void LogTokenRefused(ILogger logger, string description);

    [LoggerMessage(EventId = 3324, Level = LogLevel.Error, Message = "Gateway shard {ShardId} failed unexpectedly")]
    private static partial void LogShardFailed(ILogger logger, Exception exception, int shardId);
}
