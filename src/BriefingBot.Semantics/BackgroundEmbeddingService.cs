using BriefingBot.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics;

/// <summary>
/// Embeds, in the long-running bot, every sentence of the published snapshot that the cache did not cover, so that
/// answers soon rest on meaning everywhere and the next start finds them cached. One dedicated thread at low
/// priority, in batches: questions keep a core to themselves and embed their own few candidates on demand meanwhile.
/// When a reload publishes a new snapshot, work on the old one stops at the next batch and starts on the new one.
/// </summary>
/// <remarks>
/// The store is polled for a new version rather than notified: publishing stays a plain reference swap that knows
/// nothing of meaning, and a second's delay is nothing next to minutes of embedding.
/// </remarks>
public sealed partial class BackgroundEmbeddingService(
    SemanticModel model,
    IArticleStore store,
    IOptions<SemanticAnswerOptions> options,
    TimeProvider timeProvider,
    ILogger<BackgroundEmbeddingService> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;

    private long _completedVersion;

    /// <summary>The version of the last snapshot fully embedded (0 before any).</summary>
    public long CompletedVersion => Interlocked.Read(ref _completedVersion);

    /// <summary>Before any service starts: the model (a second or two) loads while the articles do.</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        model.StartLoading();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        model.StartLoading();
        _thread = new Thread(Run)
        {
            Name = "Sentence embedding",
            IsBackground = true,
            Priority = ThreadPriority.BelowNormal,
        };
        _thread.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_thread is not null)
        {
            // The current batch finishes (well under a second), then the thread flushes the cache and ends.
            await _finished.Task.WaitAsync(cancellationToken);
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private void Run()
    {
        try
        {
            ThreadNiceness.Lower();
            if (model.Embeddings is not { } embeddings)
            {
                return;
            }

            var token = _stopping.Token;
            model.LoadQuestionEncoder(token); // under a second, and every question after it is cheaper
            while (!token.IsCancellationRequested)
            {
                var snapshot = store.Current;
                if (snapshot.Version != CompletedVersion && snapshot.Index.SentenceCount > 0 && Embed(embeddings, snapshot, token))
                {
                    Interlocked.Exchange(ref _completedVersion, snapshot.Version);
                    continue;
                }

                if (snapshot.Version == store.Current.Version)
                {
                    // Idle: push out what questions embedded on demand meanwhile, so a crash loses little.
                    embeddings.Cache.Flush();
                    Wait(options.Value.PollInterval, token);
                }
            }
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            model.TurnOff(ex);
        }
        finally
        {
            model.Embeddings?.Cache.Flush();
            _finished.TrySetResult();
        }
    }

    /// <summary>Embeds what <paramref name="snapshot"/> lacks; false when it was replaced or the bot is stopping first.</summary>
    private bool Embed(SentenceEmbeddings embeddings, ArticleSnapshot snapshot, CancellationToken stopping)
    {
        var start = embeddings.Progress(snapshot.Index);
        if (start.IsComplete)
        {
            LogAllCached(logger, start.Sentences);
            return true;
        }

        LogStarting(logger, start.FromCache, start.Sentences, start.Missing);
        var throttle = new ProgressThrottle(start.Filled, start.Sentences, options.Value.ProgressInterval, timeProvider);
        using var replaced = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        try
        {
            embeddings.EmbedMissing(snapshot.Index, options.Value.BackgroundBatch, progress =>
            {
                if (store.Current.Version != snapshot.Version)
                {
                    replaced.Cancel();
                }

                if (!progress.IsComplete && throttle.ShouldReport(progress.Filled, out var rate))
                {
                    LogProgress(logger, progress.Filled, progress.Sentences, 100.0 * progress.Filled / progress.Sentences, rate);
                    embeddings.Cache.Flush(); // a crash loses at most one interval's work
                }
            }, replaced.Token);
        }
        catch (OperationCanceledException) when (replaced.IsCancellationRequested)
        {
            if (!stopping.IsCancellationRequested)
            {
                var reached = embeddings.Progress(snapshot.Index).Filled;
                LogReplaced(logger, snapshot.Version, reached, start.Sentences);
            }

            return false;
        }

        var done = embeddings.Progress(snapshot.Index);
        var seconds = throttle.Elapsed.TotalSeconds;
        var rate = (done.Filled - start.Filled) / Math.Max(seconds, 1e-3);
        LogFinished(logger, done.Sentences, seconds, rate);
        return true;
    }

    private void Wait(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // The delay itself is not cancellable: a cancelled delay would surface as an AggregateException when the
            // wait sees it before the token does; the wait alone stops at once with an OperationCanceledException.
            Task.Delay(interval, timeProvider, CancellationToken.None).Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Meaning: all {Sentences:N0} sentences and titles have vectors from the cache")]
    private static partial void LogAllCached(ILogger logger, int sentences);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information,
        Message = "Meaning: {FromCache:N0} of {Sentences:N0} sentences and titles had vectors in the cache; embedding the other {Missing:N0} in the background")]
    private static partial void LogStarting(ILogger logger, int fromCache, int sentences, int missing);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Embedded {Done:N0} of {Sentences:N0} sentences and titles ({Percent:F0}%), {Rate:F0}/s")]
    private static partial void LogProgress(ILogger logger, int done, int sentences, double percent, double rate);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Meaning: all {Sentences:N0} sentences and titles have vectors; embedding took {Seconds:F0} s ({Rate:F0}/s)")]
    private static partial void LogFinished(ILogger logger, int sentences, double seconds, double rate);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Snapshot {Version} was replaced after {Done:N0} of {Sentences:N0} sentences and titles; embedding the new one")]
    private static partial void LogReplaced(ILogger logger, long version, int done, int sentences);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Background embedding failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
