using BriefingBot.Commands;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>Test double for /summary whose article option autocompletes from 30 titles, one far too long.</summary>
public sealed class StubSummaryHandler : ICommandHandler
{
    public static readonly string LongTitle = "Harbour " + new string('x', 150);

    public CommandDefinition Definition { get; } = new("summary", "Summarise an article")
    {
        Options = [new CommandOptionDefinition("article", "The article's title", CommandOptionType.String) { Required = true, Autocomplete = true }],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Text("Summary of " + request.Option("article")));

    public Task<IReadOnlyList<CommandChoice>> AutocompleteAsync(AutocompleteRequest request, CancellationToken cancellationToken)
    {
        var titles = Enumerable.Range(1, 30).Select(i => $"Harbour story {i}").Append(LongTitle);
        IReadOnlyList<CommandChoice> choices = titles
            .Where(t => t.Contains(request.TypedText, StringComparison.OrdinalIgnoreCase))
            .Select(t => new CommandChoice(t, t.Length <= 100 ? t : "long-story"))
            .Reverse()
            .ToArray();
        return Task.FromResult(choices);
    }
}
