namespace BriefingBot.Core.Store;

/// <summary>
/// A single reference swap: snapshots are immutable, so publishing a new one is atomic and lock-free for readers,
/// and no reader ever sees half a reload.
/// </summary>
public sealed class ArticleStore : IArticleStore
{
    private ArticleSnapshot _current = ArticleSnapshot.Empty;

    public ArticleSnapshot Current => Volatile.Read(ref _current);

    public void Publish(ArticleSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
