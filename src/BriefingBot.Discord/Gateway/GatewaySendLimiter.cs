namespace BriefingBot.Discord.Gateway;

/// <summary>
/// Discord allows 120 gateway sends per connection per 60 s and disconnects (4008) beyond that. A few slots are
/// kept for heartbeats so other sends can never starve them.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider timeProvider)
{
    public const int Limit = 120;
    public const int ReservedForHeartbeats = 5;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _sent = new();

    public async Task WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Window)
                {
                    _sent.Dequeue();
                }

                var allowed = heartbeat ? Limit : Limit - ReservedForHeartbeats;
                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.ElementAt(_sent.Count - allowed) + Window - now;
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), timeProvider, cancellationToken);
        }
    }
}
