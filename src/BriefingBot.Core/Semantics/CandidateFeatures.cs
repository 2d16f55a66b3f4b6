namespace BriefingBot.Core.Semantics;

/// <summary>The evidence one candidate sentence has for a question; the hybrid score is a weighted sum of it.</summary>
/// <param name="Similarity">Cosine of question and sentence vectors; 0 when the sentence has none yet.</param>
/// <param name="DetailSimilarity">
/// Cosine of the sentence and the question without what the article's title says (the question's vector less its
/// component along the title's): "What do the BBC world music award winners get as a trophy?" asks, within that
/// story, "what do the winners get as a trophy?", and the sentence that answers it rarely repeats the story's name.
/// Equals <paramref name="Similarity"/> where the question does not name the title or asks nothing besides it.
/// </param>
/// <param name="DetailCoverage">Share of the question's words outside the article's title (stemmed) that the sentence contains.</param>
/// <param name="TitleSimilarity">Cosine of question and the article's title: what the sentence is about when it does not say.</param>
/// <param name="NeighbourSimilarity">The better cosine of the sentences just before and after it in its paragraph.</param>
/// <param name="Lexical">The lexical engine's score over the best lexical score of the question (0 when it did not match).</param>
/// <param name="Article">The article's lexical relevance over the best article's.</param>
/// <param name="Coverage">Share of the question's weight the sentence itself matches.</param>
/// <param name="ContextCoverage">The same, counting neighbours and title.</param>
/// <param name="Cue">Whether the sentence can hold the kind of answer asked for (0, 0.5, 1).</param>
/// <param name="NovelCue">Whether the sentence holds an answer of the asked kind the question does not already contain (see <see cref="Retrieval.Ranking.AnswerCues.Novel"/>).</param>
/// <param name="Lead">1 / (1 + position in the article).</param>
/// <param name="Fragment">True for a caption, heading or list entry.</param>
/// <param name="HasVector">Whether <paramref name="Similarity"/> is real.</param>
public readonly record struct CandidateFeatures(
    double Similarity,
    double DetailSimilarity,
    double DetailCoverage,
    double TitleSimilarity,
    double NeighbourSimilarity,
    double Lexical,
    double Article,
    double Coverage,
    double ContextCoverage,
    double Cue,
    double NovelCue,
    double Lead,
    bool Fragment,
    bool HasVector);
