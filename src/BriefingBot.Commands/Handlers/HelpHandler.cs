using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;

namespace BriefingBot.Commands.Handlers;

/// <summary>/help: every command with its usage, from the same catalogue Discord registration uses.</summary>
/// <param name="catalog">Resolved late: the catalogue contains this handler too.</param>
public sealed class HelpHandler(Func<CommandCatalog> catalog) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("help", "List what the bot can do") { EphemeralByDefault = true };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var definitions = catalog().Definitions;
        var embed = new ReplyEmbed
        {
            Title = "BriefingBot commands",
            Description = "I answer questions about the loaded news articles, with the sentence and a link to check it.",
            Fields = definitions.Select(d => new ReplyField(
                d.Usage,
                d.Description + (d.ModeratorOnly && !SaysModerators(d.Description) ? " *(moderators)*" : string.Empty))).ToArray(),
        };
        return Task.FromResult(new Reply { Embeds = [embed], Ephemeral = true, Data = definitions.Select(d => new CommandUsage(d.Name, d.Usage, d.Description, d.ModeratorOnly)).ToArray() });
    }

    // Descriptions registered with Discord may already end "(moderators)"; saying it twice reads as a glitch.
    private static bool SaysModerators(string description) => description.Contains("(moderators)", StringComparison.OrdinalIgnoreCase);
}
