namespace BriefingBot.Feeds.Polling;

/// <summary>Wakes the polling loop early: a source was added or refreshed and its schedule changed.</summary>
public sealed class PollSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Wake"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Wake() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
