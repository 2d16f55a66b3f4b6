using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BriefingBot.Feeds.Fetching;

/// <summary>
/// Politeness per host: at most <see cref="FeedsOptions.MaxRequestsPerHost"/> requests at a time and starts spaced by
/// <see cref="FeedsOptions.MinIntervalPerHost"/>, whichever feeds or pages the requests are for.
/// </summary>
public sealed class HostThrottle(IOptions<FeedsOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        var slot = _hosts.GetOrAdd(host, _ => new HostSlot(options.Value.MaxRequestsPerHost));
        await slot.Concurrency.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (slot)
            {
                var now = timeProvider.GetUtcNow();
                var start = slot.NextStart > now ? slot.NextStart : now;
                slot.NextStart = start + options.Value.MinIntervalPerHost;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            return new Lease(slot.Concurrency);
        }
        catch
        {
            slot.Concurrency.Release();
            throw;
        }
    }

    private sealed class HostSlot(int concurrency)
    {
        public SemaphoreSlim Concurrency { get; } = new(concurrency, concurrency);

        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Lease(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
