namespace BriefingBot.Commands.Results;

/// <summary>The structured result of /search (the CLI's --json).</summary>
public sealed record SearchResult(string Query, int Page, IReadOnlyList<SearchResultItem> Results);
