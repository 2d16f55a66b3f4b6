using BriefingBot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Gateway;

/// <summary>
/// Paces Identify across the shards of one process. Shard <c>id</c> is in rate-limit bucket
/// <c>id % max_concurrency</c>; a bucket allows one Identify per window (5 s) and buckets identify in parallel.
/// A shard holds its bucket's turn from before it connects until its Identify is sent, so the window is measured
/// between real sends, however long a connection took. It also keeps the day's session-start budget: with none
/// left it waits for <c>reset_after</c>, because identifying past it makes Discord reset the bot token.
/// </summary>
public sealed partial class IdentifyScheduler
{
    private readonly Bucket[] _buckets;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _budgetLock = new();
    private int _total;
    private int _remaining;
    private DateTimeOffset _resetAt;

    /// <param name="maxConcurrency"><c>session_start_limit.max_concurrency</c>; below 1 counts as 1.</param>
    /// <param name="limit">The session-start budget from <c>GET /gateway/bot</c>; null when unknown (no budget kept).</param>
    /// <param name="window">How long a bucket waits between identifies; Discord's is 5 s.</param>
    /// <param name="timeProvider">The clock the waits run on.</param>
    /// <param name="logger">Where waits for the budget are explained.</param>
    public IdentifyScheduler(int maxConcurrency, JsonSessionStartLimit? limit, TimeSpan window, TimeProvider timeProvider, ILogger logger)
    {
        _buckets = Enumerable.Range(0, Math.Max(1, maxConcurrency)).Select(_ => new Bucket()).ToArray();
        _window = window;
        _timeProvider = timeProvider;
        _logger = logger;
        _remaining = int.MaxValue;
        if (limit is not null)
        {
            UpdateLimit(limit);
        }
    }

    public int MaxConcurrency => _buckets.Length;

    /// <summary>Identifies still allowed before the budget resets, as this process counts them.</summary>
    public int Remaining
    {
        get
        {
            lock (_budgetLock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>The rate-limit bucket of a shard.</summary>
    public int BucketOf(int shardId) => shardId % _buckets.Length;

    /// <summary>Takes a fresher budget, e.g. from a later <c>GET /gateway/bot</c>.</summary>
    public void UpdateLimit(JsonSessionStartLimit limit)
    {
        lock (_budgetLock)
        {
            _total = Math.Max(1, limit.Total);
            _remaining = limit.Remaining;
            _resetAt = _timeProvider.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
        }
    }

    /// <summary>
    /// Waits until shard <paramref name="shardId"/> may identify. Call <see cref="IdentifyTurn.Sent"/> once the
    /// Identify is out, and dispose the turn in any case: a turn given back unsent costs neither the window nor budget.
    /// </summary>
    public async Task<IdentifyTurn> WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        var bucket = _buckets[BucketOf(shardId)];
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = bucket.NextAllowed - _timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }

            await TakeBudgetAsync(shardId, cancellationToken);
            return new IdentifyTurn(this, bucket);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    internal void Complete(Bucket bucket, bool sent)
    {
        if (sent)
        {
            bucket.NextAllowed = _timeProvider.GetUtcNow() + _window;
        }
        else
        {
            lock (_budgetLock)
            {
                _remaining = _remaining == int.MaxValue ? _remaining : _remaining + 1;
            }
        }

        bucket.Gate.Release();
    }

    private async Task TakeBudgetAsync(int shardId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_budgetLock)
            {
                var now = _timeProvider.GetUtcNow();
                if (_remaining <= 0 && now >= _resetAt)
                {
                    _remaining = _total;
                }

                if (_remaining > 0)
                {
                    if (_remaining != int.MaxValue)
                    {
                        _remaining--;
                    }

                    return;
                }

                wait = _resetAt - now;
            }

            LogBudgetExhausted(_logger, shardId, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, _timeProvider, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3313, Level = LogLevel.Warning, Message = "Identify budget used up; shard {ShardId} waits {ResetAfterMs} ms for it to reset before identifying (identifying past it makes Discord reset the token)")]
    private static partial void LogBudgetExhausted(ILogger logger, int shardId, long resetAfterMs);

    /// <summary>One rate-limit bucket: one shard identifies at a time, and not before <see cref="NextAllowed"/>.</summary>
    internal sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }
}
