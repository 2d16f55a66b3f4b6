using System.Globalization;
using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Handlers;

/// <summary>/ask: the best sentence that answers a question, quoted, with its article and a link.</summary>
public sealed class AskHandler(IArticleStore store, QuestionAnswerer answerer, BotMetrics? metrics = null) : ICommandHandler
{
    public const int MaxQuestionLength = 300;
    private const int AnswersPerQuestion = 4;

    /// <summary>A declined question lists the words no article has; a few make the point, a wall of them does not.</summary>
    private const int MaxUnknownWordsShown = 8;

    private const int MaxWordEcho = 40;

    public CommandDefinition Definition { get; } = new("ask", "Ask a question about the articles")
    {
        Options =
        [
            new("question", "What you want to know, e.g. who wrote the letter?", CommandOptionType.String)
            {
                Required = true,
                MinLength = 1,
                MaxLength = MaxQuestionLength,
            },
        ],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Option("question")!;
        var snapshot = store.Current;
        if (snapshot.Articles.Count == 0)
        {
            return Task.FromResult(CommonReplies.NoArticles());
        }

        var result = answerer.Answer(snapshot.Index, question, AnswersPerQuestion);
        var more = request.Option("page") == "2";
        metrics?.Answer(result.Answered);
        return Task.FromResult(result.Answered ? (more ? RenderMore(result) : RenderBest(result)) : RenderDeclined(result));
    }

    private static Reply RenderBest(AnswerResult result)
    {
        var best = result.Answers[0];
        var fields = new List<ReplyField>();
        if (best.Before is not null || best.After is not null)
        {
            fields.Add(new ReplyField("Context", string.Join(" ", new[] { best.Before, "**…**", best.After }.Where(s => s is not null))));
        }

        fields.Add(new ReplyField("Confidence", Percent(best.Confidence), Inline: true));
        if (best.Outlet is not null || best.PublishedAt is not null)
        {
            fields.Add(new ReplyField("Source", string.Join(", ", new[] { best.Outlet, best.PublishedAt?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) }.Where(s => s is not null)), Inline: true));
        }

        var embed = new ReplyEmbed
        {
            Title = best.Title,
            Url = best.Link ?? best.SourceUrl,
            Description = "> " + best.Sentence,
            Fields = fields,
            Footer = CorrectionNote(result) ?? $"From article {best.ArticleId}",
        };

        var buttons = new List<ReplyButton>();
        if (result.Answers.Count > 1 && ComponentId.TryEncode("ask", [new("question", result.Question), new("page", "2")]) is { } moreId)
        {
            buttons.Add(new ReplyButton("More answers") { CustomId = moreId, Style = ReplyButtonStyle.Primary });
        }

        if (ComponentId.TryEncode("summary", [new("article", best.ArticleId)]) is { } summaryId)
        {
            buttons.Add(new ReplyButton("Summary of the article") { CustomId = summaryId });
        }

        if (best.SourceUrl is not null)
        {
            buttons.Add(new ReplyButton("Open source") { Url = best.Link ?? best.SourceUrl, Style = ReplyButtonStyle.Link });
        }

        return new Reply { Embeds = [embed], Buttons = buttons, Data = result };
    }

    private static Reply RenderMore(AnswerResult result)
    {
        var embed = new ReplyEmbed
        {
            Title = "More answers",
            Description = "Question: " + MarkdownText.Echo(result.Question),
            Fields = result.Answers.Skip(1).Select((a, i) => new ReplyField(
                $"{i + 2}. {a.Title}",
                $"> {a.Sentence}\n{SourceLink(a)}confidence {Percent(a.Confidence)}")).ToArray(),
        };
        var backId = ComponentId.TryEncode("ask", [new("question", result.Question)]);
        var buttons = backId is null ? Array.Empty<ReplyButton>() : [new ReplyButton("Best answer") { CustomId = backId }];
        return new Reply { Embeds = [embed], Buttons = buttons, Data = result };
    }

    private static Reply RenderDeclined(AnswerResult result)
    {
        var lines = new List<string>
        {
            $"I couldn't find a confident answer to “{MarkdownText.Echo(result.Question)}” in the articles.",
        };
        if (result.UnknownWords.Count > 0)
        {
            lines.Add($"No article mentions: {string.Join(", ", result.UnknownWords.Take(MaxUnknownWordsShown).Select(w => MarkdownText.Echo(w, MaxWordEcho)))}.");
        }

        if (result.Suggestions.Count > 0)
        {
            lines.Add("The closest articles:");
            lines.AddRange(result.Suggestions.Select(s => "• " + (s.SourceUrl is null ? s.Title : $"[{s.Title}]({s.SourceUrl})") + $" ({s.ArticleId})"));
        }
        else
        {
            lines.Add("Try /articles to see what is loaded, or /search with a few keywords.");
        }

        return new Reply { Content = string.Join("\n", lines), Data = result };
    }

    private static string? CorrectionNote(AnswerResult result) =>
        result.Corrections.Count == 0
            ? null
            : "Searched for " + string.Join(", ", result.Corrections.Select(c => $"“{c.SearchedFor}” (you typed “{MarkdownText.EchoPlain(c.Typed, MaxWordEcho)}”)"));

    private static string SourceLink(Answer answer) =>
        (answer.Link ?? answer.SourceUrl) is { } url ? $"[source]({url}) · " : string.Empty;

    private static string Percent(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
