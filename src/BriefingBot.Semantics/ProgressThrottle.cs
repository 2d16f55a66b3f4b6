namespace BriefingBot.Semantics;

/// <summary>
/// Decides when background embedding is worth a log line: each tenth of the work, or after a quiet interval, so a
/// small collection logs a few lines and a huge one still shows it is alive.
/// </summary>
public sealed class ProgressThrottle(int start, int total, TimeSpan interval, TimeProvider timeProvider)
{
    private readonly long _started = timeProvider.GetTimestamp();
    private long _lastReport = timeProvider.GetTimestamp();
    private int _lastTenth = Tenth(start, total);

    /// <summary>True when <paramref name="done"/> deserves a report; <paramref name="rate"/> is sentences a second since the start.</summary>
    public bool ShouldReport(int done, out double rate)
    {
        var elapsed = timeProvider.GetElapsedTime(_started);
        rate = elapsed > TimeSpan.Zero ? (done - start) / elapsed.TotalSeconds : 0;
        var tenth = Tenth(done, total);
        if (tenth == _lastTenth && timeProvider.GetElapsedTime(_lastReport) < interval)
        {
            return false;
        }

        _lastTenth = tenth;
        _lastReport = timeProvider.GetTimestamp();
        return true;
    }

    public TimeSpan Elapsed => timeProvider.GetElapsedTime(_started);

    private static int Tenth(int done, int total) => total == 0 ? 10 : (int)(10L * done / total);
}
