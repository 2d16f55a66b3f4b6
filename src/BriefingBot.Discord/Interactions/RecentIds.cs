namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Interaction ids seen lately, bounded both ways: an id is remembered for <paramref name="retention"/> and at most
/// <paramref name="capacity"/> ids are kept (the oldest goes first). A second initial response to an interaction is
/// an error at best and a repeated side effect (a second /reload) at worst, so both delivery modes drop repeats:
/// the gateway's resume can replay events, and a captured signed HTTP request can be sent again.
/// </summary>
internal sealed class RecentIds(int capacity, TimeSpan retention, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly HashSet<ulong> _ids = [];
    private readonly Queue<(ulong Id, DateTimeOffset SeenAt)> _order = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ids.Count;
            }
        }
    }

    /// <summary>True the first time an id is seen within the retention window.</summary>
    public bool Add(ulong id)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            while (_order.Count > 0 && now - _order.Peek().SeenAt >= retention)
            {
                _ids.Remove(_order.Dequeue().Id);
            }

            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue((id, now));
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue().Id);
            }

            return true;
        }
    }
}
