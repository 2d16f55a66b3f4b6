namespace BriefingBot.Core.Text;

/// <summary>A word as found in text: its folded form (lower case, no diacritics, straight apostrophes) and where it stood.</summary>
public readonly record struct Token(string Text, int Start, int Length);
