using BriefingBot.Core.Articles;

namespace BriefingBot.Benchmarks.Corpora;

/// <summary>A named set of articles to measure, how long loading took, and what was done to build it.</summary>
public sealed record Corpus(string Name, IReadOnlyList<Article> Articles, double LoadSeconds, string Description)
{
    /// <summary>UTF-8 size of every title and body: the "raw text" the memory target is measured against.</summary>
    public long RawTextBytes => Articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Title) + System.Text.Encoding.UTF8.GetByteCount(a.Body));
}
