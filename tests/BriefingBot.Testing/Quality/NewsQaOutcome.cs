namespace BriefingBot.Testing.Quality;

/// <summary>What a system said to one question: its best sentences, best first, and whether it offered them as an answer.</summary>
public sealed record NewsQaOutcome(bool Answered, IReadOnlyList<string> Sentences);
