using BriefingBot.Commands;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>
/// Test double for a slow /search: it answers only when the test calls <see cref="Release"/>, so the deferral path
/// is forced deterministically instead of by sleeping.
/// </summary>
public sealed class SlowHandler : ICommandHandler
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandDefinition Definition { get; } = new("search", "Search the articles")
    {
        Options = [new CommandOptionDefinition("query", "Words to look for", CommandOptionType.String) { Required = true }],
    };

    public void Release() => _gate.TrySetResult();

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        return new Reply { Content = "Found 3 articles about " + request.Option("query") + "." };
    }
}
