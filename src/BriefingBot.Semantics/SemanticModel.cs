using BriefingBot.Core.Semantics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics;

/// <summary>
/// The model and its vector cache, loaded once: on first use, or earlier by <see cref="StartLoading"/> so that loading
/// overlaps with reading the articles. When meaning is switched off, or the model cannot load or later fails, it says
/// so once in the log and <see cref="Embeddings"/> is null, which leaves ranking to the lexical engine.
/// </summary>
public sealed partial class SemanticModel : IDisposable
{
    private readonly SemanticAnswerOptions _options;
    private readonly IEmbedderLoader _loader;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SemanticModel> _logger;
    private readonly Lazy<SentenceEmbeddings?> _embeddings;
    private int _off;
    private int _started;

    public SemanticModel(IOptions<SemanticAnswerOptions> options, IEmbedderLoader loader, TimeProvider timeProvider, ILogger<SemanticModel> logger)
    {
        _options = options.Value;
        _loader = loader;
        _timeProvider = timeProvider;
        _logger = logger;
        _embeddings = new Lazy<SentenceEmbeddings?>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The embeddings, waiting for the model if it is still loading; null when meaning is off.</summary>
    public SentenceEmbeddings? Embeddings => Volatile.Read(ref _off) == 0 ? _embeddings.Value : null;

    /// <summary>Whether loading has begun (so waiting for it costs no more than what is already under way).</summary>
    public bool IsLoadingOrLoaded => _embeddings.IsValueCreated || Volatile.Read(ref _started) != 0;

    public bool IsOff => Volatile.Read(ref _off) != 0;

    /// <summary>Where vectors and the unpacked models are kept.</summary>
    private string CacheFolder => Path.GetFullPath(_options.VectorCache!);

    /// <summary>Begins loading on a pool thread and returns at once.</summary>
    public void StartLoading()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0 && !_embeddings.IsValueCreated)
        {
            _ = Task.Run(() => _embeddings.Value);
        }
    }

    /// <summary>Turns meaning off for the rest of the run after the model failed in use.</summary>
    public void TurnOff(Exception exception)
    {
        if (Interlocked.Exchange(ref _off, 1) == 0)
        {
            LogOff(_logger, LogLevel.Warning, $"the model failed ({exception.GetType().Name}: {exception.Message})");
        }
    }

    /// <summary>
    /// Swaps in the faster question encoder when the loader has one (<see cref="SemanticAnswerOptions.QuantizedQuestions"/>).
    /// Called by the long-running bot's background worker, never on the request path; if it cannot load, questions
    /// keep using the sentence model, which is only slower.
    /// </summary>
    public void LoadQuestionEncoder(CancellationToken cancellationToken)
    {
        if (Embeddings is not { } embeddings || !ReferenceEquals(embeddings.QuestionEncoder, embeddings.Embedder))
        {
            return;
        }

        var started = _timeProvider.GetTimestamp();
        ITextEmbedder? encoder = null;
        try
        {
            encoder = _loader.LoadQuestionEncoder(CacheFolder, cancellationToken);
            if (encoder is null)
            {
                return;
            }

            _ = encoder.Embed(["warm-up"], cancellationToken);
            embeddings.UseQuestionEncoder(encoder);
            var modelId = encoder.ModelId;
            var loaded = _timeProvider.GetElapsedTime(started);
            LogQuestionEncoder(_logger, modelId, loaded.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            (encoder as IDisposable)?.Dispose();
            LogQuestionEncoderUnavailable(_logger, ex.GetType().Name, ex.Message);
        }
    }

    public void Dispose()
    {
        if (_embeddings.IsValueCreated && _embeddings.Value is { } embeddings)
        {
            embeddings.Cache.Dispose();
            if (!ReferenceEquals(embeddings.QuestionEncoder, embeddings.Embedder))
            {
                (embeddings.QuestionEncoder as IDisposable)?.Dispose();
            }

            (embeddings.Embedder as IDisposable)?.Dispose();
        }
    }

    private SentenceEmbeddings? Load()
    {
        Interlocked.Exchange(ref _started, 1);
        if (!_options.Semantic)
        {
            Interlocked.Exchange(ref _off, 1);
            LogOff(_logger, LogLevel.Information, "Answers:Semantic is false");
            return null;
        }

        var folder = CacheFolder;
        var started = _timeProvider.GetTimestamp();
        ITextEmbedder embedder;
        try
        {
            embedder = _loader.Load(folder, CancellationToken.None);

            // One real call proves the runtime works here (a missing native library fails only now), and pays the
            // first run's allocations before a question has to.
            _ = embedder.Embed(["warm-up"]);
        }
        catch (Exception ex)
        {
            Interlocked.Exchange(ref _off, 1);
            LogOff(_logger, LogLevel.Warning, $"the model could not be loaded ({ex.GetType().Name}: {ex.Message})");
            return null;
        }

        var loaded = _timeProvider.GetElapsedTime(started);
        EmbeddingCache cache;
        try
        {
            cache = EmbeddingCache.Open(folder, embedder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Meaning still works without the cache; vectors are just not kept for the next run.
            LogCacheUnavailable(_logger, folder, ex.Message);
            cache = EmbeddingCache.InMemory(embedder);
        }

        LogOn(_logger, embedder.ModelId, loaded.TotalMilliseconds, cache.Count, cache.Path ?? "memory", cache.IsPersistent ? string.Empty : " (read-only: another process writes it)");
        return new SentenceEmbeddings(embedder, cache);
    }

    [LoggerMessage(EventId = 4001, Message = "Semantic ranking is off: {Reason}; answering with the lexical engine")]
    private static partial void LogOff(ILogger logger, LogLevel level, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Semantic ranking is on: {Model} loaded in {Milliseconds:F0} ms; {Cached} sentence vectors cached in {Path}{ReadOnly}")]
    private static partial void LogOn(ILogger logger, string model, double milliseconds, int cached, string path, string readOnly);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Questions are encoded by {Model}, loaded in {Milliseconds:F0} ms")]
    private static partial void LogQuestionEncoder(ILogger logger, string model, double milliseconds);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "The faster question encoder could not be loaded ({Error}: {Reason}); questions use the sentence model")]
    private static partial void LogQuestionEncoderUnavailable(ILogger logger, string error, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "The vector cache in {Folder} cannot be used ({Reason}); vectors are kept in memory for this run only")]
    private static partial void LogCacheUnavailable(ILogger logger, string folder, string reason);
}
