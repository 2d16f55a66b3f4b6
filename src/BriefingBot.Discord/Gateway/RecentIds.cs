namespace BriefingBot.Discord.Gateway;

/// <summary>
/// The last few interaction ids seen. A resume can replay events the bot already handled, and a second initial
/// response to an interaction is an error, so replays are dropped.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Lock _lock = new();
    private readonly HashSet<ulong> _ids = [];
    private readonly Queue<ulong> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool Add(ulong id)
    {
        lock (_lock)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
