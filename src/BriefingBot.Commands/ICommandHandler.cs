using BriefingBot.Commands.Replies;

namespace BriefingBot.Commands;

/// <summary>One command. Handlers know nothing of Discord or consoles: a request in, a reply out.</summary>
public interface ICommandHandler
{
    CommandDefinition Definition { get; }

    Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>Suggestions for an option declared with <see cref="CommandOptionDefinition.Autocomplete"/>.</summary>
    Task<IReadOnlyList<CommandChoice>> AutocompleteAsync(AutocompleteRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CommandChoice>>([]);
}
