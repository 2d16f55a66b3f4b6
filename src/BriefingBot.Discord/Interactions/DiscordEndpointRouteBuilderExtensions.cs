using System.Globalization;
using System.Text.Json;
using BriefingBot.Discord.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>Maps Discord's HTTP interactions endpoint (HTTP mode).</summary>
public static partial class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>Discord allows 3 s; keep a margin for the network on the way back.</summary>
    private static readonly TimeSpan ResponseDeadline = TimeSpan.FromMilliseconds(2800);

    /// <summary>Discord's payloads are small; anything this big is not from Discord.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// <c>POST {pattern}</c>: verifies the Ed25519 signature over the raw body (401 when bad, missing or stale), then
    /// runs the shared interaction pipeline and writes its initial response (PONG for PING) as the response body.
    /// Stateless, so any number of instances can serve it behind a load balancer.
    /// </summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string pattern = "/interactions") =>
        endpoints.MapPost(pattern, HandleAsync);

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DiscordEndpointRouteBuilderExtensions).FullName!);
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var receivedAt = timeProvider.GetTimestamp(); // deadlines count from arrival, not from when work starts

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        var verifier = services.GetService<SignatureVerifier>();
        if (verifier is null || !verifier.Verify(signature, timestamp, body))
        {
            LogRejected(logger, "bad or missing signature");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!IsFresh(timestamp, timeProvider.GetUtcNow(), options.MaxTimestampAge))
        {
            // Signed but old: a replay. Discord does not require this check; it is cheap protection.
            LogRejected(logger, "stale timestamp");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        JsonInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<JsonInteraction>(body, DiscordJson.Options);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var handler = services.GetRequiredService<InteractionHandler>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var responder = new HttpInteractionResponder();

        // The pipeline outlives this request when it defers (it edits @original later), so it runs on the
        // application's lifetime, not on RequestAborted.
        var pipeline = Task.Run(() => handler.HandleAsync(interaction, responder, receivedAt, stopping), CancellationToken.None);

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

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Refused an interaction request: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Interaction {InteractionId} produced no response in time")]
    private static partial void LogNoResponse(ILogger logger, ulong interactionId);
}
