using BriefingBot.Commands;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>Test double with subcommands, a channel option, an integer range and choices; it echoes what it got.</summary>
public sealed class StubDigestHandler : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("digest", "Manage the daily digest")
    {
        ModeratorOnly = true,
        Options =
        [
            new CommandOptionDefinition("subscribe", "Post the digest in a channel", CommandOptionType.Subcommand)
            {
                Options =
                [
                    new CommandOptionDefinition("channel", "Where to post", CommandOptionType.Channel) { Required = true },
                    new CommandOptionDefinition("hour", "Hour of day (UTC)", CommandOptionType.Integer) { MinValue = 0, MaxValue = 23 },
                    new CommandOptionDefinition("style", "How long", CommandOptionType.String)
                    {
                        Choices = [new CommandChoice("Short", "short"), new CommandChoice("Long", "long")],
                    },
                ],
            },
            new CommandOptionDefinition("show", "Show the current digest settings", CommandOptionType.Subcommand),
        ],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Text($"{request.Subcommand}: " + string.Join(", ", request.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"))));
}
