namespace BriefingBot.Benchmarks.Corpora;

/// <summary>
/// One query of the fixed mixed set, made from the corpus itself, with the sentence it was made from: the top answer
/// is a hit when it is that sentence (or an identical one in a duplicated article).
/// </summary>
public sealed record BenchQuery(string Kind, string Text, string TargetSentence);
