using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Models;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>Keeps the initial response the pipeline produced, as HTTP mode would write it.</summary>
public sealed class CapturingResponder : IInteractionResponder
{
    private readonly TaskCompletionSource<JsonInteractionResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<JsonInteractionResponse> Response => _response.Task;

    public Task RespondAsync(JsonInteractionResponse response, CancellationToken cancellationToken)
    {
        if (!_response.TrySetResult(response))
        {
            throw new InvalidOperationException("An interaction gets exactly one initial response.");
        }

        return Task.CompletedTask;
    }
}
