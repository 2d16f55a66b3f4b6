using BriefingBot.Commands;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The one pipeline both delivery modes share: translate the interaction, queue its handler on the
/// <see cref="InteractionWorkers"/>, and answer inside Discord's 3-second window. Commands declared
/// <see cref="CommandDefinition.Defer"/>, or any not answered <see cref="DiscordOptions.DeferAfter"/> after the
/// interaction arrived (queue wait included), are acknowledged first (type 5, or 6 for buttons) and finished by
/// editing the original response. Buttons update their own message (type 7) unless the reply is ephemeral. A full
/// queue gets a private "busy" reply at once; work that can no longer be answered is dropped, not done.
/// </summary>
public sealed partial class InteractionPipeline(
    CommandDispatcher dispatcher,
    InteractionTranslator translator,
    ReplyRenderer renderer,
    DiscordRestClient rest,
    InteractionWorkers queue,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<InteractionPipeline> logger,
    BotMetrics? metrics = null)
{
    /// <summary>Autocomplete cannot be deferred; give up early enough that an empty list still arrives in time.</summary>
    private static readonly TimeSpan AutocompleteBudget = TimeSpan.FromMilliseconds(2500);

    /// <summary>Discord's window for the initial response; after it the interaction token refuses a callback.</summary>
    public static readonly TimeSpan InitialResponseWindow = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token stays valid for edits and follow-ups.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan BusyLogInterval = TimeSpan.FromSeconds(10);

    private int _busySinceLog;
    private long _busyLoggedAt;

    private static readonly Reply Busy = new()
    {
        Content = "I'm busy right now and couldn't take that on. Please try again in a few seconds.",
        Ephemeral = true,
        Kind = ReplyKind.Problem,
    };

    /// <summary>Handles an interaction that has just arrived.</summary>
    public Task HandleAsync(JsonInteraction interaction, IInteractionResponder responder, CancellationToken cancellationToken) =>
        HandleAsync(interaction, responder, timeProvider.GetTimestamp(), cancellationToken);

    /// <summary>
    /// Handles an interaction that arrived at <paramref name="receivedAt"/> (a <see cref="TimeProvider.GetTimestamp"/>
    /// value): deadlines count from then, because Discord's clock started when it sent the event, not when we got to it.
    /// </summary>
    public async Task HandleAsync(JsonInteraction interaction, IInteractionResponder responder, long receivedAt, CancellationToken cancellationToken)
    {
        var state = new ResponseState(responder);
        if (interaction.Type != InteractionType.Ping && timeProvider.GetElapsedTime(receivedAt) >= InitialResponseWindow)
        {
            // Discord already refuses any response; working on it would only delay interactions that can still be answered.
            LogDropped(logger, interaction.Id);
            metrics?.Interaction(CommandTag(interaction), "dropped");
            return;
        }

        try
        {
            switch (interaction.Type)
            {
                case InteractionType.Ping:
                    await state.RespondAsync(new JsonInteractionResponse(InteractionCallbackType.Pong), cancellationToken);
                    break;
                case InteractionType.ApplicationCommandAutocomplete:
                    await AutocompleteAsync(interaction, state, receivedAt, cancellationToken);
                    break;
                case InteractionType.ApplicationCommand:
                    var request = translator.ToCommandRequest(interaction);
                    var definition = dispatcher.Catalog.Find(request.Name)?.Definition;
                    await RunAsync(interaction, request, state, isComponent: false, definition, receivedAt, cancellationToken);
                    break;
                case InteractionType.MessageComponent when translator.TryToComponentRequest(interaction, out var clicked):
                    await RunAsync(interaction, clicked, state, isComponent: true, dispatcher.Catalog.Find(clicked.Name)?.Definition, receivedAt, cancellationToken);
                    break;
                default:
                    LogUnsupported(logger, (int)interaction.Type, interaction.Id);
                    await state.RespondAsync(Message(Reply.Problem("That button or form is no longer supported. Please run the command again.")), cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, (int)interaction.Type, interaction.Id);
            metrics?.Interaction(CommandTag(interaction), "failed");
            await TryReportFailureAsync(interaction, state, cancellationToken);
        }
    }

    private async Task AutocompleteAsync(JsonInteraction interaction, ResponseState state, long receivedAt, CancellationToken cancellationToken)
    {
        // Not queued: suggestions cost well under a millisecond, cannot be deferred, and are useless once late, so
        // waiting behind slower commands would only turn them into empty lists.
        var autocomplete = translator.ToAutocompleteRequest(interaction);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var left = AutocompleteBudget - timeProvider.GetElapsedTime(receivedAt);
        budget.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        IReadOnlyList<CommandChoice> choices;
        try
        {
            choices = await dispatcher.AutocompleteAsync(autocomplete, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            choices = []; // too slow: an empty list in time beats a failed interaction
        }

        var result = choices
            .Where(c => c.Name.Length > 0 && c.Value.Length is > 0 and <= ReplyLimits.ChoiceName)
            .Take(ReplyLimits.AutocompleteChoices)
            .Select(c => new JsonCommandChoice(TextCutter.Cut(c.Name, ReplyLimits.ChoiceName), System.Text.Json.JsonSerializer.SerializeToElement(c.Value)))
            .ToArray();
        await state.RespondAsync(new JsonInteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult, new JsonAutocompleteResult(result)), cancellationToken);
        metrics?.Interaction(autocomplete.Command.Name + ":autocomplete", "answered");
    }

    private async Task RunAsync(JsonInteraction interaction, CommandRequest request, ResponseState state, bool isComponent, CommandDefinition? definition, long receivedAt, CancellationToken cancellationToken)
    {
        var command = definition?.Name ?? "unknown";
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Checked when a worker picks the work up: an interaction nobody acknowledged within Discord's window, or
        // whose token has expired, can no longer be answered, so doing its work would only delay everyone else's.
        bool Expired()
        {
            var age = timeProvider.GetElapsedTime(receivedAt);
            return age >= TokenLifetime || (!state.HasResponded && age >= InitialResponseWindow);
        }

        if (!queue.TryRun(ct => dispatcher.DispatchAsync(request, ct), Expired, abandon.Token, out var work))
        {
            // One line per burst, not one per refused interaction: logging is CPU the overloaded bot lacks.
            Interlocked.Increment(ref _busySinceLog);
            var lastLogged = Volatile.Read(ref _busyLoggedAt);
            if ((lastLogged == 0 || timeProvider.GetElapsedTime(lastLogged) >= BusyLogInterval)
                && Interlocked.CompareExchange(ref _busyLoggedAt, timeProvider.GetTimestamp(), lastLogged) == lastLogged)
            {
                LogBusy(logger, Interlocked.Exchange(ref _busySinceLog, 0), queue.Capacity);
            }

            await state.RespondAsync(Message(Busy), cancellationToken);
            metrics?.Interaction(command, "busy");
            return;
        }

        // When the queue already says the answer will miss the deadline, acknowledge now, while there is CPU to
        // spare for it, instead of at the deadline when an overloaded machine may not get the ack out in time.
        var untilDefer = options.Value.DeferAfter - timeProvider.GetElapsedTime(receivedAt);
        var hopeless = queue.EstimatedCompletion >= untilDefer;
        if (definition?.Defer != true && untilDefer > TimeSpan.Zero && !hopeless)
        {
            using var timerCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(untilDefer, timeProvider, timerCancel.Token);
            var first = await Task.WhenAny(work, timer);
            await timerCancel.CancelAsync();
            if (first == work)
            {
                var immediate = await CompletedOrDroppedAsync(work, interaction, cancellationToken);
                if (immediate is not null)
                {
                    await state.RespondAsync(Immediate(immediate, isComponent), cancellationToken);
                    Record(command, immediate, "answered", receivedAt);
                }

                return;
            }
        }

        // Ephemerality is fixed when deferring, so guess from the declaration; a mismatch is fixed up afterwards.
        var deferredEphemeral = !isComponent && definition?.EphemeralByDefault == true;
        LogDeferred(logger, request.Name, interaction.Id);
        try
        {
            await state.RespondAsync(
                isComponent
                    ? new JsonInteractionResponse(InteractionCallbackType.DeferredUpdateMessage)
                    : new JsonInteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new JsonMessageContent { Flags = deferredEphemeral ? MessageFlags.Ephemeral : null }),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Without an acknowledgement the token refuses edits: drop the work rather than finish it for no one.
            await abandon.CancelAsync();
            LogDeferFailed(logger, request.Name, interaction.Id, ex.Message);
            metrics?.Interaction(command, "dropped");
            return;
        }

        var reply = await CompletedOrDroppedAsync(work, interaction, cancellationToken);
        if (reply is not null)
        {
            await FinishDeferredAsync(interaction, reply, isComponent, deferredEphemeral, cancellationToken);
            Record(command, reply, "deferred", receivedAt);
        }
        else
        {
            metrics?.Interaction(command, "dropped");
        }
    }

    /// <summary>The handler's reply, or null when the queue dropped the work as no longer answerable.</summary>
    private async Task<Reply?> CompletedOrDroppedAsync(Task<Reply> work, JsonInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            return await work;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDropped(logger, interaction.Id);
            return null;
        }
    }

    private void Record(string command, Reply reply, string outcome, long receivedAt)
    {
        if (metrics is null)
        {
            return;
        }

        metrics.Interaction(command, reply.Kind switch
        {
            ReplyKind.Success => outcome,
            ReplyKind.Problem => "problem",
            ReplyKind.Refused => "refused",
            _ => "failed",
        });
        metrics.AnswerLatency(command, timeProvider.GetElapsedTime(receivedAt));
    }

    private static string CommandTag(JsonInteraction interaction) => interaction.Type switch
    {
        InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete => "command",
        InteractionType.MessageComponent => "button",
        _ => "other",
    };

    private async Task FinishDeferredAsync(JsonInteraction interaction, Reply reply, bool isComponent, bool deferredEphemeral, CancellationToken cancellationToken)
    {
        if (reply.Ephemeral && !deferredEphemeral)
        {
            // A public "thinking…" cannot become private: remove it (commands only) and answer privately instead.
            if (!isComponent)
            {
                await rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, cancellationToken);
            }

            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, renderer.Render(reply), cancellationToken);
            return;
        }

        await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, renderer.RenderEdit(reply), cancellationToken);
    }

    private JsonInteractionResponse Immediate(Reply reply, bool isComponent) =>
        isComponent && !reply.Ephemeral
            ? new JsonInteractionResponse(InteractionCallbackType.UpdateMessage, renderer.RenderEdit(reply))
            : Message(reply);

    private JsonInteractionResponse Message(Reply reply) =>
        new(InteractionCallbackType.ChannelMessageWithSource, renderer.Render(reply));

    private async Task TryReportFailureAsync(JsonInteraction interaction, ResponseState state, CancellationToken cancellationToken)
    {
        var failure = new Reply
        {
            Content = "Sorry, something went wrong while answering that. Please try again.",
            Ephemeral = true,
            Kind = ReplyKind.Failure,
        };

        try
        {
            if (!state.HasResponded)
            {
                await state.RespondAsync(Message(failure), cancellationToken);
            }
            else if (interaction.Type != InteractionType.ApplicationCommandAutocomplete)
            {
                await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, renderer.Render(failure), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReportFailed(logger, ex, interaction.Id);
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error, Message = "Interaction {InteractionId} (type {Type}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int type, ulong interactionId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug, Message = "Deferred /{Command} (interaction {InteractionId})")]
    private static partial void LogDeferred(ILogger logger, string command, ulong interactionId);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Work queue full ({Capacity}); told {Count} callers to try again")]
    private static partial void LogBusy(ILogger logger, int count, int capacity);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "Could not acknowledge /{Command} (interaction {InteractionId}); its work is dropped: {Reason}")]
    private static partial void LogDeferFailed(ILogger logger, string command, ulong interactionId, string reason);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Information, Message = "Dropped work for interaction {InteractionId}: it can no longer be answered")]
    private static partial void LogDropped(ILogger logger, ulong interactionId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Unsupported interaction type {Type} ({InteractionId})")]
    private static partial void LogUnsupported(ILogger logger, int type, ulong interactionId);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Could not tell the user that interaction {InteractionId} failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, ulong interactionId);

    /// <summary>Remembers whether the one allowed initial response has gone out.</summary>
    private sealed class ResponseState(IInteractionResponder responder)
    {
        private volatile bool _hasResponded;

        /// <summary>Read by the worker thread that decides whether queued work is still worth doing.</summary>
        public bool HasResponded => _hasResponded;

        public async Task RespondAsync(JsonInteractionResponse response, CancellationToken cancellationToken)
        {
            _hasResponded = true; // set first: a failed send may still have reached Discord, and a second one is a 400
            await responder.RespondAsync(response, cancellationToken);
        }
    }
}
