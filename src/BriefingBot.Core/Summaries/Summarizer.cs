namespace BriefingBot.Core.Summaries;

/// <summary>TEMPORARY stand-in until main's Summarizer lands; removed at the merge.</summary>
public sealed class Summarizer;
