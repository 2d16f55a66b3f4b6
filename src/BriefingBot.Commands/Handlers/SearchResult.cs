namespace BriefingBot.Commands.Handlers;

/// <summary>The structured result of /search (the CLI's --json).</summary>
public sealed record SearchResult(string Query, int Page, IReadOnlyList<SearchResultItem> Results);
