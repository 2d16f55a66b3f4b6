using BriefingBot.Core.Articles;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>A ranked article with the sentence that best matches the query.</summary>
public sealed record ArticleHit(Article Article, double Score, string Snippet);
