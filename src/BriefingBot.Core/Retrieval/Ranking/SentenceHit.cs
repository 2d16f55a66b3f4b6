namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>A ranked sentence.</summary>
/// <param name="Sentence">Sentence id in the index.</param>
/// <param name="Article">Article index in the index.</param>
/// <param name="Score">Final ranking score (comparable within one query only).</param>
/// <param name="Coverage">Share of the query's weight (inverse frequency, unknown words included) the sentence itself matches, 0–1.</param>
/// <param name="ContextCoverage">The same, counting its neighbouring sentences and its article's title too.</param>
public sealed record SentenceHit(int Sentence, int Article, double Score, double Coverage, double ContextCoverage);
