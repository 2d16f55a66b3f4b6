namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>What one lexical scoring pass yields: the best sentences and the most relevant articles.</summary>
/// <param name="Sentences">Ranked sentences, best first.</param>
/// <param name="Articles">Articles with their relevance (BM25F over title and body), best first.</param>
public sealed record LexicalResult(IReadOnlyList<SentenceHit> Sentences, (int Article, double Score)[] Articles);
