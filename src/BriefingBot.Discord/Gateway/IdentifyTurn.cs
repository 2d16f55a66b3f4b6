namespace BriefingBot.Discord.Gateway;

/// <summary>A shard's turn to identify, from <see cref="IdentifyScheduler.WaitTurnAsync"/>. Dispose it in any case.</summary>
public sealed class IdentifyTurn : IDisposable
{
    private readonly IdentifyScheduler _scheduler;
    private readonly IdentifyScheduler.Bucket _bucket;
    private int _done;

    internal IdentifyTurn(IdentifyScheduler scheduler, IdentifyScheduler.Bucket bucket)
    {
        _scheduler = scheduler;
        _bucket = bucket;
    }

    /// <summary>The Identify went out: the bucket's next turn is one window from now.</summary>
    public void Sent() => Complete(sent: true);

    /// <summary>Gives the turn back; if <see cref="Sent"/> was not called, the next shard may go at once.</summary>
    public void Dispose() => Complete(sent: false);

    private void Complete(bool sent)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            _scheduler.Complete(_bucket, sent);
        }
    }
}
