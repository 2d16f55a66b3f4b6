using BriefingBot.Discord.Models;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// HTTP mode's initial response: handed to the waiting request, which writes it as the response body. The
/// pipeline's next step (an edit after a deferral) waits until the body has been sent, so Discord knows the
/// interaction before we edit it.
/// </summary>
internal sealed class HttpInteractionResponder : IInteractionResponder
{
    private readonly TaskCompletionSource<JsonInteractionResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<JsonInteractionResponse> Response => _response.Task;

    public async Task RespondAsync(JsonInteractionResponse response, CancellationToken cancellationToken)
    {
        if (!_response.TrySetResult(response))
        {
            throw new InvalidOperationException("An interaction gets exactly one initial response.");
        }

        await _written.Task.WaitAsync(cancellationToken);
    }

    public void MarkWritten() => _written.TrySetResult();

    public void MarkFailed(Exception exception) => _written.TrySetException(exception);
}
