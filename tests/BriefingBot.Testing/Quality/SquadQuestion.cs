namespace BriefingBot.Testing.Quality;

/// <summary>One SQuAD question with its gold answer texts (any of them in the returned sentence is a hit).</summary>
public sealed record SquadQuestion(string Id, string Question, IReadOnlyList<string> Answers);
