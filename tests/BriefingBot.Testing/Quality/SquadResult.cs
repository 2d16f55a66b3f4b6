namespace BriefingBot.Testing.Quality;

/// <summary>Sentence accuracy on SQuAD: the share of questions whose first (first three) sentences hold a gold answer.</summary>
public sealed record SquadResult(int Questions, double Top1, double Top3);
