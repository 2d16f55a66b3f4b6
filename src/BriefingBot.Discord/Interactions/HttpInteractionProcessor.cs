using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Discord's HTTP interactions endpoint (HTTP mode), built by DI: verifies the Ed25519 signature over the raw body
/// (401 when bad, missing or stale), refuses what cannot be an interaction (413, 400) and replays (409), then runs the
/// shared interaction pipeline and writes its initial response (PONG for PING) as the response body. Stateless, so any
/// number of instances can serve it behind a load balancer.
/// </summary>
internal sealed partial class HttpInteractionProcessor(
    IOptions<DiscordOptions> options,
    SignatureVerifier verifier,
    HttpReplayGuard replayGuard,
    InteractionPipeline pipeline,
    IHostApplicationLifetime lifetime,
    [FromKeyedServices(HttpInteractionProcessor.LogThrottleKey)] LogThrottle throttle,
    TimeProvider timeProvider,
    ILogger<HttpInteractionProcessor> logger)
{
    /// <summary>DI key of the endpoint's <see cref="LogThrottle"/>: a flood of forged requests is a few lines, not one each.</summary>
    internal const string LogThrottleKey = "BriefingBot.Discord.Interactions";

    /// <summary>Discord allows 3 s; keep a margin for the network on the way back.</summary>
    private static readonly TimeSpan ResponseDeadline = TimeSpan.FromMilliseconds(2800);

    /// <summary>Discord's payloads are small; anything this big is not from Discord.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Answers one POST: refuses (413, 401, 400, 409) or runs the pipeline and writes its initial response.</summary>
    public async Task ProcessAsync(HttpContext context)
    {
        var receivedAt = timeProvider.GetTimestamp(); // deadlines count from arrival, not from when work starts

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            Refuse("body larger than 1 MB");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (!verifier.Verify(signature, timestamp, body))
        {
            Refuse("bad or missing signature");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!IsFresh(timestamp, timeProvider.GetUtcNow(), options.Value.MaxTimestampAge))
        {
            // Signed but old: a replay. Discord does not require this check; it is cheap protection.
            Refuse("stale timestamp");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!Utf8.IsValid(body))
        {
            // Signed but not text: System.Text.Json only notices bad UTF-8 inside a string when it is read, which
            // used to happen deep in the pipeline and came back as "something went wrong".
            Refuse("body is not valid UTF-8");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        JsonInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<JsonInteraction>(body, DiscordJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            Refuse("body is not an interaction object");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (InteractionValidator.Problem(interaction) is { } problem)
        {
            Refuse("interaction has " + problem);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // PINGs are exempt: a repeated one only earns another PONG, and Discord's endpoint check must always pass.
        if (interaction.Type != InteractionType.Ping && !await replayGuard.TryClaimAsync(interaction.Id, context.RequestAborted))
        {
            // Discord delivers each interaction once, so a second signed copy is a replay. 409 rather than 401 (the
            // signature is good; a 401 would read as a key problem) and rather than answering again (a second
            // /reload, a second reply). The handler never runs for it.
            if (throttle.ShouldLog("replay", out var suppressed))
            {
                LogReplay(logger, interaction.Id, suppressed);
            }
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        var stopping = lifetime.ApplicationStopping;
        var responder = new HttpInteractionResponder();

        // The pipeline outlives this request when it defers (it edits @original later), so it runs on the
        // application's lifetime, not on RequestAborted.
        var run = Task.Run(() => pipeline.HandleAsync(interaction, responder, receivedAt, stopping), CancellationToken.None);

        JsonInteractionResponse response;
        try
        {
            response = await responder.Response.WaitAsync(ResponseDeadline, timeProvider, context.RequestAborted);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            responder.MarkFailed(ex);
            LogNoResponse(logger, interaction.Id);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            await context.Response.WriteAsJsonAsync(response, DiscordJson.Options, context.RequestAborted);
            await context.Response.CompleteAsync();
            responder.MarkWritten();
        }
        catch (Exception ex)
        {
            responder.MarkFailed(ex);
            throw;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        // The signature covers the exact bytes received, so they are buffered as-is and never re-serialised.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsFresh(string timestamp, DateTimeOffset now, TimeSpan maxAge) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= maxAge;

    private void Refuse(string reason)
    {
        if (throttle.ShouldLog(reason, out var suppressed))
        {
            LogRejected(logger, reason, suppressed);
        }
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Refused an interaction request: {Reason} ({Suppressed} more refused for this reason since the last report)")]
    private static partial void LogRejected(ILogger logger, string reason, int suppressed);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Warning, Message = "Refused a replayed interaction {InteractionId}: it was already answered ({Suppressed} more replays since the last report)")]
    private static partial void LogReplay(ILogger logger, ulong interactionId, int suppressed);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Interaction {InteractionId} produced no response in time")]
    private static partial void LogNoResponse(ILogger logger, ulong interactionId);
}
