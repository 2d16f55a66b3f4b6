using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;

namespace BriefingBot.Semantics;

/// <summary>
/// The <see cref="ISentenceEmbeddings"/> the bot ranks with: the loaded model's embeddings, or none when meaning is
/// off. A failure of the model in use turns meaning off instead of failing the question.
/// </summary>
public sealed class ModelSentenceEmbeddings(SemanticModel model, IArticleStore store) : ISentenceEmbeddings, IEmbeddingProgress
{
    public bool IsAvailable => model.Embeddings is not null;

    public float[]? EmbedQuery(string text, CancellationToken cancellationToken = default)
    {
        if (model.Embeddings is not { } embeddings)
        {
            return null;
        }

        try
        {
            return embeddings.EmbedQuery(text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            model.TurnOff(ex);
            return null;
        }
    }

    public SentenceVectors? VectorsFor(SearchIndex index) => model.Embeddings?.VectorsFor(index);

    public int EmbedNow(SearchIndex index, IReadOnlyList<int> sentences, int budget, CancellationToken cancellationToken = default)
    {
        if (model.Embeddings is not { } embeddings)
        {
            return 0;
        }

        try
        {
            return embeddings.EmbedNow(index, sentences, budget, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            model.TurnOff(ex);
            return 0;
        }
    }

    /// <summary>Null until the model is at least loading, so a report never starts a load of its own.</summary>
    public EmbeddingProgress? Current() =>
        model.IsLoadingOrLoaded && model.Embeddings is { } embeddings ? embeddings.Progress(store.Current.Index) : null;
}
