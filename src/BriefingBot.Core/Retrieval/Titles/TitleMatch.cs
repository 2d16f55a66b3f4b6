using BriefingBot.Core.Articles;

namespace BriefingBot.Core.Retrieval.Titles;

/// <summary>An article whose title (or id) matches typed text, and how: exact beats prefix beats fuzzy.</summary>
public sealed record TitleMatch(Article Article, TitleMatchKind Kind, double Score);
