namespace BriefingBot.Testing.Quality;

/// <summary>Mean ROUGE F1 (as percentages, the way papers print them) of our summaries and of lead-3, same run, same ROUGE.</summary>
public sealed record SummaryResult(int Articles, double Rouge1, double Rouge2, double RougeL, double Lead3Rouge1, double Lead3Rouge2, double Lead3RougeL);
