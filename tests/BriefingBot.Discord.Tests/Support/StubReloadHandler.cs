using BriefingBot.Commands;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>Test double for the moderator-only /reload.</summary>
public sealed class StubReloadHandler : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("reload", "Reload the articles") { ModeratorOnly = true, EphemeralByDefault = true };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Text("Reloaded 12 articles."));
}
