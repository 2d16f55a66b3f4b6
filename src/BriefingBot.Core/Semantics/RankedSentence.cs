namespace BriefingBot.Core.Semantics;

/// <summary>A sentence as the hybrid ranker scored it.</summary>
public sealed record RankedSentence(int Sentence, int Article, double Score, CandidateFeatures Features);
