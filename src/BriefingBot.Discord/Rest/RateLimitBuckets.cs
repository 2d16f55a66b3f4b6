using System.Globalization;
using System.Net.Http.Headers;

namespace BriefingBot.Discord.Rest;

/// <summary>
/// Discord's REST limits, learned from response headers rather than hard-coded: per-route buckets (routes map to a
/// shared bucket id from <c>X-RateLimit-Bucket</c>, keyed per major parameter), a global pause after a global 429,
/// and our own 50-requests-per-second gate that interaction routes skip. One instance per bot token.
/// </summary>
public sealed class RateLimitBuckets(TimeProvider timeProvider)
{
    public const int GlobalRequestsPerSecond = 50;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _bucketIdByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentGlobalSends = new();
    private DateTimeOffset _globalPausedUntil;

    /// <summary>Waits until the route may be called, then reserves one request from its bucket and the global gate.</summary>
    public async Task AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryReserve(route);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>Zero when reserved; otherwise how long to wait before asking again.</summary>
    public TimeSpan TryReserve(DiscordRoute route)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            var wait = _globalPausedUntil - now;

            var bucket = FindBucket(route);
            if (bucket is not null)
            {
                if (bucket.ResetAt <= now)
                {
                    // The window passed: refill once and open a provisional window of the last learned length, so a
                    // burst sent before any response arrives still gets only Limit requests (refilling on every
                    // call let them all through). The next response's headers correct both.
                    bucket.Remaining = bucket.Limit;
                    bucket.ResetAt = now + bucket.Window;
                }
                else if (bucket.Remaining <= 0)
                {
                    wait = Max(wait, bucket.ResetAt - now);
                }
            }

            if (!route.ExemptFromGlobalLimit)
            {
                while (_recentGlobalSends.Count > 0 && now - _recentGlobalSends.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _recentGlobalSends.Dequeue();
                }

                if (_recentGlobalSends.Count >= GlobalRequestsPerSecond)
                {
                    wait = Max(wait, _recentGlobalSends.Peek() + TimeSpan.FromSeconds(1) - now);
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            if (bucket is not null)
            {
                bucket.Remaining--;
            }

            if (!route.ExemptFromGlobalLimit)
            {
                _recentGlobalSends.Enqueue(now);
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Learns the route's bucket and its state from a response's X-RateLimit headers.</summary>
    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        var bucketId = Header(headers, "X-RateLimit-Bucket");
        var limit = Number(headers, "X-RateLimit-Limit");
        var remaining = Number(headers, "X-RateLimit-Remaining");
        var resetAfter = Number(headers, "X-RateLimit-Reset-After");
        if (bucketId is null && remaining is null)
        {
            return;
        }

        lock (_lock)
        {
            if (bucketId is not null)
            {
                _bucketIdByRoute[route.Key] = bucketId;
            }

            var state = GetOrCreateBucket(route);
            var now = timeProvider.GetUtcNow();
            if (limit is { } l)
            {
                state.Limit = (int)l;
            }

            if (remaining is { } r)
            {
                state.Remaining = (int)r;
            }

            if (resetAfter is { } seconds)
            {
                state.ResetAt = now + TimeSpan.FromSeconds(seconds);
                state.Window = Max(state.Window, TimeSpan.FromSeconds(seconds));
            }
        }
    }

    /// <summary>Records a 429: pauses everything when global, else empties the route's bucket until retry_after.</summary>
    public void OnRateLimited(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_lock)
        {
            var until = timeProvider.GetUtcNow() + retryAfter;
            if (global)
            {
                _globalPausedUntil = Max(_globalPausedUntil, until);
                return;
            }

            var state = GetOrCreateBucket(route);
            state.Remaining = 0;
            state.ResetAt = Max(state.ResetAt, until);
        }
    }

    private BucketState? FindBucket(DiscordRoute route) =>
        _buckets.GetValueOrDefault(BucketKey(route));

    private BucketState GetOrCreateBucket(DiscordRoute route)
    {
        var key = BucketKey(route);
        if (!_buckets.TryGetValue(key, out var state))
        {
            state = new BucketState();
            _buckets[key] = state;
        }

        return state;
    }

    private string BucketKey(DiscordRoute route) =>
        (_bucketIdByRoute.GetValueOrDefault(route.Key) ?? route.Key) + ":" + route.MajorParameter;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class BucketState
    {
        public int Limit { get; set; } = 1;

        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; }

        /// <summary>
        /// The longest reset-after seen (the first request of a window reports nearly all of it): how long a refilled
        /// bucket lasts until a response says otherwise. Zero until a response names one.
        /// </summary>
        public TimeSpan Window { get; set; }
    }
}
