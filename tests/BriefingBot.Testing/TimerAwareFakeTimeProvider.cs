using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Testing;

/// <summary>
/// <see cref="FakeTimeProvider"/> plus the one thing it does not expose: how many timers are armed. Tests that run a
/// background loop use <see cref="WaitForTimersAsync"/> to know the loop is parked on the clock before moving it.
/// The clock itself (timers firing in due order during <c>Advance</c>, with the time set to each one's due time) is
/// the library's.
/// </summary>
public sealed class TimerAwareFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly HashSet<ArmedTimer> _armed = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ArmedTimer(this);
        timer.Inner = base.CreateTimer(timer.Fire, (callback, state), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once at least <paramref name="count"/> timers are armed; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForTimersAsync(int count, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_armed.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, signal));
        }

        return signal.Task.WaitAsync(timeout);
    }

    private void SetArmed(ArmedTimer timer, bool armed)
    {
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            if (armed)
            {
                _armed.Add(timer);
            }
            else
            {
                _armed.Remove(timer);
            }

            var count = _armed.Count;
            ready = _waiters.Where(w => w.Count <= count).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => w.Count <= count);
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }
    }

    private sealed class ArmedTimer(TimerAwareFakeTimeProvider owner) : ITimer
    {
        private bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Counted only once the library has scheduled it: a test woken by WaitForTimersAsync may move the clock
            // at once, and a timer scheduled after that move would be due later than the code asked for. The library
            // works in whole milliseconds and fires a zero due time inside Change, so such a one-shot is never armed.
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            var firesNow = dueTime != Timeout.InfiniteTimeSpan && (long)dueTime.TotalMilliseconds == 0;
            var changed = Inner.Change(dueTime, period);
            owner.SetArmed(this, dueTime != Timeout.InfiniteTimeSpan && (!firesNow || _periodic));
            return changed;
        }

        /// <summary>A one-shot timer is no longer armed once it fires; a periodic one stays armed.</summary>
        public void Fire(object? state)
        {
            if (!_periodic)
            {
                owner.SetArmed(this, false);
            }

            var (callback, callbackState) = ((TimerCallback, object?))state!;
            callback(callbackState);
        }

        public void Dispose()
        {
            owner.SetArmed(this, false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
