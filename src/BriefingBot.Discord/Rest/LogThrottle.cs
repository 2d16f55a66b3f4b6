namespace BriefingBot.Discord.Rest;

/// <summary>
/// Lets one log line per kind of trouble through per <paramref name="interval"/> and counts the rest, so a burst of
/// a hundred 429s reads as one line (and the next line says how many were folded into it), not a hundred.
/// </summary>
internal sealed class LogThrottle(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset LoggedAt, int Suppressed)> _kinds = new(StringComparer.Ordinal);

    /// <summary>True when this occurrence should be logged; <paramref name="suppressed"/> is how many were not since the last.</summary>
    public bool ShouldLog(string kind, out int suppressed)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            if (_kinds.TryGetValue(kind, out var state) && now - state.LoggedAt < interval)
            {
                _kinds[kind] = state with { Suppressed = state.Suppressed + 1 };
                suppressed = 0;
                return false;
            }

            suppressed = state.Suppressed;
            _kinds[kind] = (now, 0);
            return true;
        }
    }
}
