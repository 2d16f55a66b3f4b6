namespace BriefingBot.Core.Text;

/// <summary>A token after analysis: its stem, and whether it is a stop word. Position counts every token, stop words included.</summary>
public readonly record struct AnalyzedTerm(string Stem, Token Token, int Position, bool IsStopWord);
