using System.Globalization;
using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Handlers;

/// <summary>
/// /search: articles ranked for a query, each with the sentence that matches best; by meaning as well as words when
/// <paramref name="embeddings"/> is available, so a query in other words than the article's still finds it.
/// </summary>
public sealed class SearchHandler(IArticleStore store, RankingOptions ranking, ISentenceEmbeddings? embeddings = null, SemanticOptions? semantic = null)
    : ICommandHandler
{
    private const int PageSize = 5;
    private const int MaxPages = 5;

    public CommandDefinition Definition { get; } = new("search", "Search the articles")
    {
        Options =
        [
            new("query", "Words to look for, e.g. sanctions summit", CommandOptionType.String) { Required = true, MinLength = 1, MaxLength = 200 },
        ],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var text = request.Option("query")!;
        var snapshot = store.Current;
        if (snapshot.Articles.Count == 0)
        {
            return Task.FromResult(CommonReplies.NoArticles());
        }

        var page = Math.Clamp(int.TryParse(request.Option("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1, 1, MaxPages);
        var query = QueryParser.Parse(snapshot.Index, text);
        var hits = ArticleSearcher.Search(snapshot.Index, query, (page * PageSize) + 1, ranking, embeddings, semantic, cancellationToken);
        var shown = hits.Skip((page - 1) * PageSize).Take(PageSize).ToArray();
        var data = new SearchResult(text, page, shown.Select(h => new SearchResultItem(h.Article.Id, h.Article.Title, h.Score, h.Snippet, h.Article.SourceUrl)).ToArray());
        if (shown.Length == 0)
        {
            var reply = page == 1
                ? $"No article matches “{MarkdownText.Echo(text)}”. Try fewer or different words, or /articles to see what is loaded."
                : "No more results.";
            return Task.FromResult(new Reply { Content = reply, Data = data });
        }

        var embed = new ReplyEmbed
        {
            Title = $"Search: {MarkdownText.Echo(text)}",
            Fields = shown.Select((h, i) => new ReplyField(
                $"{((page - 1) * PageSize) + i + 1}. {h.Article.Title}",
                $"{h.Snippet}\n{(h.Article.SourceUrl is { } url ? $"[source]({url}) · " : string.Empty)}`{h.Article.Id}`")).ToArray(),
            Footer = $"Page {page}",
        };

        var buttons = new List<ReplyButton>();
        if (page > 1 && ComponentId.TryEncode("search", [new("query", text), new("page", (page - 1).ToString(CultureInfo.InvariantCulture))]) is { } prev)
        {
            buttons.Add(new ReplyButton("Previous page") { CustomId = prev });
        }

        if (hits.Count > page * PageSize && page < MaxPages
            && ComponentId.TryEncode("search", [new("query", text), new("page", (page + 1).ToString(CultureInfo.InvariantCulture))]) is { } next)
        {
            buttons.Add(new ReplyButton("Next page") { CustomId = next, Style = ReplyButtonStyle.Primary });
        }

        return Task.FromResult(new Reply { Embeds = [embed], Buttons = buttons, Data = data });
    }
}
