using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The bounded queue and fixed set of worker threads that run command handlers. Handlers are CPU work (ranking,
/// summarising); running them on dedicated threads rather than the thread pool keeps pool threads free for what must
/// stay punctual: the gateway reader, heartbeats, Kestrel, REST calls and the defer timers. A full queue refuses new
/// work at once so the caller can say "busy" inside Discord's window; work whose interaction can no longer be
/// answered is dropped when a worker reaches it.
/// </summary>
public sealed partial class InteractionWorkers : IDisposable
{
    private readonly Channel<WorkItem> _channel;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread[] _workers;
    private readonly ILogger<InteractionWorkers> _logger;
    private int _queued;
    private long _averageServiceTicks = TimeSpan.FromMilliseconds(5).Ticks;

    public InteractionWorkers(IOptions<InteractionQueueOptions> options, ILogger<InteractionWorkers> logger)
    {
        _logger = logger;
        var settings = options.Value;
        Capacity = settings.Capacity;
        _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(settings.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping someone else's work
            SingleReader = false,
            SingleWriter = false,
        });
        _workers = new Thread[settings.EffectiveWorkers];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkLoop) { IsBackground = true, Name = $"BriefingBot worker {i + 1}" };
            _workers[i].Start();
        }
    }

    public int Capacity { get; }

    public int WorkerCount => _workers.Length;

    /// <summary>Interactions waiting for a worker right now.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// How long work queued now would likely wait for a worker and run: the queue shared among the workers, times
    /// a moving average of how long a handler holds a worker.
    /// </summary>
    public TimeSpan EstimatedCompletion =>
        TimeSpan.FromTicks(Volatile.Read(ref _averageServiceTicks) * (1 + (Queued / _workers.Length)));

    /// <summary>
    /// Queues <paramref name="work"/>; false (and no work queued) when the queue is full. The returned task is
    /// cancelled without running when <paramref name="abandoned"/> fires first or <paramref name="expired"/> says so
    /// when a worker picks it up.
    /// </summary>
    public bool TryRun<T>(Func<CancellationToken, Task<T>> work, Func<bool> expired, CancellationToken abandoned, out Task<T> result)
    {
        var item = new WorkItem<T>(work, expired, abandoned);
        result = item.Completion;
        if (_stopping.IsCancellationRequested || !_channel.Writer.TryWrite(item))
        {
            return false;
        }

        Interlocked.Increment(ref _queued);
        return true;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _channel.Writer.TryComplete();
        foreach (var worker in _workers)
        {
            worker.Join(TimeSpan.FromSeconds(2));
        }

        while (_channel.Reader.TryRead(out var left))
        {
            left.Drop();
        }

        _stopping.Dispose();
    }

    private void WorkLoop()
    {
        var reader = _channel.Reader;
        try
        {
            // Blocking waits are right here: these threads exist only to run handlers, and never block the pool.
            while (reader.WaitToReadAsync(_stopping.Token).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var item))
                {
                    Interlocked.Decrement(ref _queued);
                    if (item.ShouldDrop)
                    {
                        LogDropped(_logger);
                        item.Drop();
                        continue;
                    }

                    // Synchronous handlers finish on this thread; async ones continue on the pool after their first await.
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    item.Start();
                    var held = System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks;
                    var average = Volatile.Read(ref _averageServiceTicks);
                    Volatile.Write(ref _averageServiceTicks, average + ((held - average) / 16)); // races only blur the average

                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(EventId = 3601, Level = LogLevel.Debug, Message = "Dropped queued work for an interaction that can no longer be answered")]
    private static partial void LogDropped(ILogger logger);

    private abstract class WorkItem
    {
        public abstract bool ShouldDrop { get; }

        public abstract void Start();

        public abstract void Drop();
    }

    private sealed class WorkItem<T>(Func<CancellationToken, Task<T>> work, Func<bool> expired, CancellationToken abandoned) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Completion => _completion.Task;

        public override bool ShouldDrop => abandoned.IsCancellationRequested || expired();

        public override void Drop() => _completion.TrySetCanceled(abandoned.IsCancellationRequested ? abandoned : CancellationToken.None);

        public override void Start()
        {
            Task<T> task;
            try
            {
                task = work(abandoned);
            }
            catch (Exception ex)
            {
                _completion.TrySetException(ex);
                return;
            }

            if (task.IsCompleted)
            {
                Complete(task);
                return;
            }

            task.ContinueWith(static (t, state) => ((WorkItem<T>)state!).Complete(t), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void Complete(Task<T> task)
        {
            if (task.IsCanceled)
            {
                _completion.TrySetCanceled();
            }
            else if (task.IsFaulted)
            {
                _completion.TrySetException(task.Exception!.InnerExceptions);
            }
            else
            {
                _completion.TrySetResult(task.Result);
            }
        }
    }
}
