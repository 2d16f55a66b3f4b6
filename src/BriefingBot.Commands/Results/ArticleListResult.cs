namespace BriefingBot.Commands.Results;

/// <summary>The structured result of /articles: one page of the loaded articles, newest first.</summary>
public sealed record ArticleListResult(int Total, int Page, int Pages, IReadOnlyList<ArticleListItem> Articles);
