namespace BriefingBot.Core.Retrieval.Titles;

/// <summary>How a title matched; the order is the ranking order.</summary>
public enum TitleMatchKind
{
    Fuzzy = 1,
    Prefix = 2,
    Exact = 3,
}
