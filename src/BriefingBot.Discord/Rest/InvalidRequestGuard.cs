namespace BriefingBot.Discord.Rest;

/// <summary>
/// Discord bans an IP for a while after 10,000 invalid requests (401, 403 and 429 other than shared-scope 429s) in
/// 10 minutes. This counts them over the same sliding window and, once <see cref="DiscordOptions.InvalidRequestBudget"/>
/// is reached, pauses every REST call until the oldest counted response leaves the window, far short of the ban.
/// </summary>
internal sealed class InvalidRequestGuard(int budget, TimeProvider timeProvider)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _invalid = new();

    /// <summary>Invalid responses counted in the current window.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                Expire(timeProvider.GetUtcNow());
                return _invalid.Count;
            }
        }
    }

    /// <summary>Zero when calls may go out; otherwise how long the pause lasts.</summary>
    public TimeSpan PausedFor()
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Expire(now);
            return _invalid.Count >= budget ? _invalid.Peek() + Window - now : TimeSpan.Zero;
        }
    }

    /// <summary>Counts an invalid response; true when it is the one that uses up the budget (the pause starts).</summary>
    public bool Record()
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Expire(now);
            if (_invalid.Count >= budget)
            {
                return false; // calls already in flight when the pause began; the queue stays bounded by the budget
            }

            _invalid.Enqueue(now);
            return _invalid.Count == budget;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && now - _invalid.Peek() >= Window)
        {
            _invalid.Dequeue();
        }
    }
}
