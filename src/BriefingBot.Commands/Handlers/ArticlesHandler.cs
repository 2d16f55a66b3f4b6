using System.Globalization;
using System.Runtime.CompilerServices;
using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Handlers;

/// <summary>/articles: what is loaded, newest first, a page at a time.</summary>
public sealed class ArticlesHandler(IArticleStore store) : ICommandHandler
{
    private const int PageSize = 10;

    /// <summary>The newest-first order, once per snapshot: sorting thousands of articles on every page turn was most of this command's cost.</summary>
    private readonly ConditionalWeakTable<ArticleSnapshot, Article[]> _ordered = [];

    public CommandDefinition Definition { get; } = new("articles", "List the loaded articles");

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = store.Current;
        if (snapshot.Articles.Count == 0)
        {
            return Task.FromResult(CommonReplies.NoArticles());
        }

        var ordered = _ordered.GetValue(snapshot, s => s.Articles
            .OrderByDescending(s.EffectiveDate)
            .ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
            .ToArray());
        var pages = (ordered.Length + PageSize - 1) / PageSize;
        var page = Math.Clamp(int.TryParse(request.Option("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1, 1, pages);
        var shown = ordered.Skip((page - 1) * PageSize).Take(PageSize).ToArray();

        var lines = shown.Select((a, i) =>
        {
            var facts = new[] { a.Outlet, a.PublishedAt?.ToString("d MMM yyyy", CultureInfo.InvariantCulture), $"{a.ReadingTime.TotalMinutes:0} min read" };
            var title = a.SourceUrl is null ? $"**{a.Title}**" : $"**[{a.Title}]({a.SourceUrl})**";
            return $"{((page - 1) * PageSize) + i + 1}. {title}\n   {string.Join(" · ", facts.Where(f => f is not null))} · `{a.Id}`";
        });
        var embed = new ReplyEmbed
        {
            Title = $"{snapshot.Articles.Count:N0} article{(snapshot.Articles.Count == 1 ? string.Empty : "s")} loaded",
            Description = string.Join("\n", lines),
            Footer = $"Page {page} of {pages}"
                + (snapshot.Problems.Count > 0 ? $" · {snapshot.Problems.Count} file(s) skipped at the last load" : string.Empty),
        };

        var buttons = new List<ReplyButton>();
        if (page > 1 && ComponentId.TryEncode("articles", [new("page", (page - 1).ToString(CultureInfo.InvariantCulture))]) is { } prev)
        {
            buttons.Add(new ReplyButton("Previous page") { CustomId = prev });
        }

        if (page < pages && ComponentId.TryEncode("articles", [new("page", (page + 1).ToString(CultureInfo.InvariantCulture))]) is { } next)
        {
            buttons.Add(new ReplyButton("Next page") { CustomId = next, Style = ReplyButtonStyle.Primary });
        }

        var data = shown.Select(a => new ArticleListItem(
            a.Id, a.Title, a.SourceUrl, a.Outlet, a.Author, a.PublishedAt, a.WordCount, (int)a.ReadingTime.TotalMinutes)).ToArray();
        return Task.FromResult(new Reply { Embeds = [embed], Buttons = buttons, Data = new ArticleListResult(ordered.Length, page, pages, data) });
    }
}
