using System.Globalization;
using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;
using BriefingBot.Core.Quotes;
using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Handlers;

/// <summary>/quote: quotations from the articles with who said them, by topic and by speaker.</summary>
public sealed class QuoteHandler(IArticleStore store, QuoteFinder finder) : ICommandHandler
{
    private const int PageSize = 5;
    private const int MaxPages = 5;

    public CommandDefinition Definition { get; } = new("quote", "Find quotations in the articles and who said them")
    {
        Options =
        [
            new("about", "What the quotation is about, e.g. nuclear weapons", CommandOptionType.String) { MaxLength = 200 },
            new("by", "Who said it, e.g. the defector (start typing for suggestions)", CommandOptionType.String) { MaxLength = 100, Autocomplete = true },
        ],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = store.Current;
        if (snapshot.Articles.Count == 0)
        {
            return Task.FromResult(CommonReplies.NoArticles());
        }

        var about = request.Option("about");
        var by = request.Option("by");
        var page = Math.Clamp(int.TryParse(request.Option("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1, 1, MaxPages);
        var hits = finder.Find(snapshot, about, by, (page * PageSize) + 1, cancellationToken);
        var shown = hits.Skip((page - 1) * PageSize).Take(PageSize).ToArray();
        var data = shown.Select(h => new QuotationResult(h.Quote.ArticleId, h.Title, h.Quote.Text, h.Quote.Speaker, h.Score, h.Link)).ToArray();

        var what = Describe(about, by);
        if (shown.Length == 0)
        {
            var message = page > 1
                ? "No more quotations."
                : $"I found no quotations {what} in the articles." + (by is null ? string.Empty : " Try /quote without by: to see who is quoted.");
            return Task.FromResult(new Reply { Content = message, Data = data });
        }

        var embed = new ReplyEmbed
        {
            Title = "Quotations" + (what.Length > 0 ? " " + what : string.Empty),
            Fields = shown.Select(h => new ReplyField(
                $"{Capitalise(h.Quote.Speaker!)} — {h.Title}",
                $"“{h.Quote.Text.TrimEnd(',', ' ')}”" + ((h.Link ?? h.SourceUrl) is { } url ? $"\n[source]({url})" : $"\n`{h.Quote.ArticleId}`"))).ToArray(),
            Footer = $"Page {page}",
        };

        var buttons = new List<ReplyButton>();
        var state = new List<KeyValuePair<string, string>>();
        if (about is not null)
        {
            state.Add(new("about", about));
        }

        if (by is not null)
        {
            state.Add(new("by", by));
        }

        if (hits.Count > page * PageSize && page < MaxPages
            && ComponentId.TryEncode("quote", [.. state, new("page", (page + 1).ToString(CultureInfo.InvariantCulture))]) is { } next)
        {
            buttons.Add(new ReplyButton("More quotations") { CustomId = next, Style = ReplyButtonStyle.Primary });
        }

        return Task.FromResult(new Reply { Embeds = [embed], Buttons = buttons, Data = data });
    }

    public Task<IReadOnlyList<CommandChoice>> AutocompleteAsync(AutocompleteRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<CommandChoice> choices = request.FocusedOption == "by"
            ? finder.Speakers(store.Current, request.TypedText, ReplyLimits.AutocompleteChoices)
                .Where(s => s.Length <= ReplyLimits.ChoiceName)
                .Select(s => new CommandChoice(s, s))
                .ToArray()
            : [];
        return Task.FromResult(choices);
    }

    private static string Describe(string? about, string? by) =>
        (about, by) switch
        {
            (null, null) => string.Empty,
            (not null, null) => $"about “{MarkdownText.Echo(about)}”",
            (null, not null) => $"by “{MarkdownText.Echo(by)}”",
            _ => $"about “{MarkdownText.Echo(about!)}” by “{MarkdownText.Echo(by!)}”",
        };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
