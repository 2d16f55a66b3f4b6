namespace BriefingBot.Core.Articles;

/// <summary>A finished article still waiting for its final id, or the reason the draft was rejected.</summary>
internal sealed record BuiltArticle(string IdBase, Article? Article, LoadProblem? Problem);
