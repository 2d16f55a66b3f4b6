namespace BriefingBot.Storage.Shared;

/// <summary>
/// Runs a database's creation at most once per process: concurrent first callers wait for one attempt instead of
/// racing, and after success the check costs one field read. An attempt that throws (or is cancelled) is not
/// remembered, so the next caller tries again.
/// </summary>
internal sealed class InitializeOnce : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task RunAsync(Func<CancellationToken, Task> initialize, CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            await initialize(cancellationToken);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
