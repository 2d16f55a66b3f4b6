using BriefingBot.Core.Articles;

namespace BriefingBot.Feeds.Polling;

/// <summary>An item's finished article, or why it has none (no title and no text).</summary>
public sealed record BuiltFeedArticle(Article? Article, string? Problem);
