namespace BriefingBot.Core.Answers;

/// <summary>A typo the engine corrected: what was typed and the word it searched for instead.</summary>
public sealed record Correction(string Typed, string SearchedFor);
