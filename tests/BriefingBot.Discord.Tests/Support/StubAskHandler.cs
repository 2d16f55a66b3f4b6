using BriefingBot.Commands;
using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>Test double for /ask: an answer card with a "more answers" button that encodes the next page.</summary>
public sealed class StubAskHandler : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("ask", "Ask a question about the news")
    {
        Options = [new CommandOptionDefinition("question", "What you want to know", CommandOptionType.String) { Required = true, MaxLength = 300 }],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Option("question") ?? "";
        var page = request.Option("page") ?? "1";
        var next = (int.Parse(page, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(new Reply
        {
            Embeds =
            [
                new ReplyEmbed
                {
                    Title = page == "1" ? "Answer" : $"Answer (page {page})",
                    Description = "The council approved the harbour budget on Tuesday. @everyone was invited to the vote.",
                    Url = "https://news.example/harbour-budget",
                    Fields = [new ReplyField("Question", question)],
                    Footer = "Source: Harbour Gazette",
                },
            ],
            Buttons =
            [
                new ReplyButton("More answers") { CustomId = ComponentId.TryEncode("ask", [new("question", question), new("page", next)]) },
                new ReplyButton("Read the article") { Url = "https://news.example/harbour-budget", Style = ReplyButtonStyle.Link },
            ],
        });
    }
}
