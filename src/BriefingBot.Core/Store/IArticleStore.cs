namespace BriefingBot.Core.Store;

/// <summary>Holds the snapshot every query reads. Readers take <see cref="Current"/> once and use it throughout.</summary>
public interface IArticleStore
{
    ArticleSnapshot Current { get; }

    /// <summary>Publishes a new snapshot atomically; readers holding the old one finish on it undisturbed.</summary>
    void Publish(ArticleSnapshot snapshot);
}
