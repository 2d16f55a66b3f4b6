using System.Globalization;
using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Retrieval.Titles;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;

namespace BriefingBot.Commands.Handlers;

/// <summary>/summary: an extractive summary of one article, found by id or (fuzzy) title.</summary>
public sealed class SummaryHandler(IArticleStore store, Summarizer summarizer) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("summary", "Summarise an article")
    {
        Options =
        [
            new("article", "The article's title or id (start typing to pick one)", CommandOptionType.String)
            {
                Required = true,
                Autocomplete = true,
                MaxLength = 200,
            },
            new("length", "How long the summary should be (default short)", CommandOptionType.String)
            {
                Choices = [new("short (3 sentences)", "short"), new("medium (5 sentences)", "medium"), new("long (8 sentences)", "long")],
            },
        ],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = store.Current;
        if (snapshot.Articles.Count == 0)
        {
            return Task.FromResult(CommonReplies.NoArticles());
        }

        var typed = request.Option("article")!;
        var lengthText = request.Option("length") ?? "short";
        if (!TryParseLength(lengthText, out var length))
        {
            return Task.FromResult(Reply.Problem($"Length must be short, medium or long, not “{MarkdownText.Echo(lengthText, MarkdownText.DefaultEchoLength / 2)}”."));
        }

        var article = snapshot.Find(typed);
        if (article is null)
        {
            var (resolved, candidates) = TitleMatcher.Resolve(snapshot.Index, typed);
            if (resolved is null)
            {
                var message = candidates.Count == 0
                    ? $"I couldn't find an article called “{MarkdownText.Echo(typed)}”. Try /articles to see what is loaded."
                    : $"Which article do you mean?\n{string.Join("\n", candidates.Select(c => $"• {c.Article.Title} (`{c.Article.Id}`)"))}";
                return Task.FromResult(Reply.Problem(message));
            }

            article = resolved;
        }

        var summary = summarizer.Summarize(snapshot.Index, article, length);
        var facts = new[]
        {
            article.Outlet,
            article.Author is null ? null : "by " + article.Author,
            article.PublishedAt?.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            $"{article.WordCount:N0} words",
            $"{article.ReadingTime.TotalMinutes:0} min read",
        };
        var embed = new ReplyEmbed
        {
            Title = article.Title,
            Url = article.SourceUrl,
            Description = summary.IsWholeArticle ? summary.Text + "\n\n*(the whole article)*" : summary.Text,
            Footer = string.Join(" · ", facts.Where(f => f is not null)) + $" · {article.Id}",
        };

        var buttons = new List<ReplyButton>();
        if (length != SummaryLength.Long && !summary.IsWholeArticle
            && ComponentId.TryEncode("summary", [new("article", article.Id), new("length", "long")]) is { } fullId)
        {
            buttons.Add(new ReplyButton("Full summary") { CustomId = fullId, Style = ReplyButtonStyle.Primary });
        }

        if (article.SourceUrl is not null)
        {
            buttons.Add(new ReplyButton("Read the article") { Url = article.SourceUrl, Style = ReplyButtonStyle.Link });
        }

        return Task.FromResult(new Reply { Embeds = [embed], Buttons = buttons, Data = summary });
    }

    public Task<IReadOnlyList<CommandChoice>> AutocompleteAsync(AutocompleteRequest request, CancellationToken cancellationToken)
    {
        var matches = TitleMatcher.Match(store.Current.Index, request.TypedText, ReplyLimits.AutocompleteChoices);
        IReadOnlyList<CommandChoice> choices = matches
            .Where(m => m.Article.Id.Length <= ReplyLimits.ChoiceName)
            .Select(m => new CommandChoice(TextCutter.Cut(m.Article.Title, ReplyLimits.ChoiceName), m.Article.Id))
            .ToArray();
        return Task.FromResult(choices);
    }

    private static bool TryParseLength(string text, out SummaryLength length)
    {
        length = text.Trim().ToUpperInvariant() switch
        {
            "SHORT" => SummaryLength.Short,
            "MEDIUM" => SummaryLength.Medium,
            "LONG" or "FULL" => SummaryLength.Long,
            _ => (SummaryLength)(-1),
        };
        return Enum.IsDefined(length);
    }
}
