namespace BriefingBot.Testing;

/// <summary>
/// A bound on every async wait in tests, so a hang fails the test instead of stalling the run. Generous on purpose:
/// it is a safety net on a loaded 2-core machine, never a timing assertion.
/// </summary>
public static class TestTimeout
{
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(30);

    /// <summary>A token that cancels after <see cref="Default"/>.</summary>
    public static CancellationToken Token() => new CancellationTokenSource(Default).Token;
}
