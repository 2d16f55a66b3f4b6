namespace BriefingBot.Testing.Quality;

/// <summary>One candidate sentence of a WikiQA question, in document order, and whether it answers the question.</summary>
public sealed record WikiQaCandidate(string Sentence, bool Correct);
