namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>Where one indexed sentence stands: its article, its span in the article body, and its place in the article.</summary>
/// <param name="Article">Index of the article in <see cref="SearchIndex.Articles"/>.</param>
/// <param name="Start">Offset of the sentence in the article body.</param>
/// <param name="Length">Length of the sentence in characters.</param>
/// <param name="Ordinal">Position of the sentence in its article, from 0.</param>
/// <param name="Paragraph">Paragraph number in its article, from 0.</param>
/// <param name="TermCount">Number of indexed (non-stop) terms; BM25's document length.</param>
public readonly record struct SentenceEntry(int Article, int Start, int Length, int Ordinal, int Paragraph, int TermCount);
