using BriefingBot.Commands;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>
/// Test double for CPU-bound work: <c>/block</c> holds the thread it runs on until <see cref="Release"/>, the way a
/// long ranking pass does, and counts how many times it actually ran.
/// </summary>
public sealed class BlockingHandler : ICommandHandler, IDisposable
{
    private readonly ManualResetEventSlim _gate = new();
    private int _runs;

    public CommandDefinition Definition { get; } = new("block", "Hold a worker thread")
    {
        Options = [new CommandOptionDefinition("n", "A label to tell calls apart", CommandOptionType.String)],
    };

    public int Runs => Volatile.Read(ref _runs);

    public void Release() => _gate.Set();

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        _gate.Wait(TimeSpan.FromSeconds(30), CancellationToken.None); // synchronous on purpose: it occupies the thread
        return Task.FromResult(new Reply { Content = "done " + request.Option("n") });
    }

    public void Dispose() => _gate.Dispose();
}
