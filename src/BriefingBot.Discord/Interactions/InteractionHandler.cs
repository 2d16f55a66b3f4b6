using BriefingBot.Commands;
using BriefingBot.Commands.Replies;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The one pipeline both delivery modes share: translate the interaction, dispatch it, and answer inside Discord's
/// 3-second window. Commands declared <see cref="CommandDefinition.Defer"/>, or any handler still busy after
/// <see cref="DiscordOptions.DeferAfter"/>, are acknowledged first (type 5, or 6 for buttons) and finished by
/// editing the original response. Buttons update their own message (type 7) unless the reply is ephemeral.
/// </summary>
public sealed partial class InteractionHandler(
    CommandDispatcher dispatcher,
    InteractionTranslator translator,
    ReplyRenderer renderer,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<InteractionHandler> logger)
{
    /// <summary>Autocomplete cannot be deferred; give up early enough that an empty list still arrives in time.</summary>
    private static readonly TimeSpan AutocompleteBudget = TimeSpan.FromMilliseconds(2500);

    public async Task HandleAsync(JsonInteraction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var state = new ResponseState(responder);
        try
        {
            switch (interaction.Type)
            {
                case InteractionType.Ping:
                    await state.RespondAsync(new JsonInteractionResponse(InteractionCallbackType.Pong), cancellationToken);
                    break;
                case InteractionType.ApplicationCommandAutocomplete:
                    await AutocompleteAsync(interaction, state, cancellationToken);
                    break;
                case InteractionType.ApplicationCommand:
                    var request = translator.ToCommandRequest(interaction);
                    var definition = dispatcher.Catalog.Find(request.Name)?.Definition;
                    await RunAsync(interaction, request, state, isComponent: false, definition, cancellationToken);
                    break;
                case InteractionType.MessageComponent when translator.TryToComponentRequest(interaction, out var clicked):
                    await RunAsync(interaction, clicked, state, isComponent: true, dispatcher.Catalog.Find(clicked.Name)?.Definition, cancellationToken);
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
            await TryReportFailureAsync(interaction, state, cancellationToken);
        }
    }

    private async Task AutocompleteAsync(JsonInteraction interaction, ResponseState state, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(AutocompleteBudget);
        IReadOnlyList<CommandChoice> choices;
        try
        {
            choices = await dispatcher.AutocompleteAsync(translator.ToAutocompleteRequest(interaction), budget.Token);
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
    }

    private async Task RunAsync(JsonInteraction interaction, CommandRequest request, ResponseState state, bool isComponent, CommandDefinition? definition, CancellationToken cancellationToken)
    {
        var work = dispatcher.DispatchAsync(request, cancellationToken);
        if (definition?.Defer != true)
        {
            using var timerCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(options.Value.DeferAfter, timeProvider, timerCancel.Token);
            var first = await Task.WhenAny(work, timer);
            await timerCancel.CancelAsync();
            if (first == work)
            {
                await state.RespondAsync(Immediate(await work, isComponent), cancellationToken);
                return;
            }
        }

        // Ephemerality is fixed when deferring, so guess from the declaration; a mismatch is fixed up afterwards.
        var deferredEphemeral = !isComponent && definition?.EphemeralByDefault == true;
        LogDeferred(logger, request.Name, interaction.Id);
        await state.RespondAsync(
            isComponent
                ? new JsonInteractionResponse(InteractionCallbackType.DeferredUpdateMessage)
                : new JsonInteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new JsonMessageContent { Flags = deferredEphemeral ? MessageFlags.Ephemeral : null }),
            cancellationToken);

        var reply = await work;
        await FinishDeferredAsync(interaction, reply, isComponent, deferredEphemeral, cancellationToken);
    }

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

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Unsupported interaction type {Type} ({InteractionId})")]
    private static partial void LogUnsupported(ILogger logger, int type, ulong interactionId);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Could not tell the user that interaction {InteractionId} failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, ulong interactionId);

    /// <summary>Remembers whether the one allowed initial response has gone out.</summary>
    private sealed class ResponseState(IInteractionResponder responder)
    {
        public bool HasResponded { get; private set; }

        public async Task RespondAsync(JsonInteractionResponse response, CancellationToken cancellationToken)
        {
            HasResponded = true; // set first: a failed send may still have reached Discord, and a second one is a 400
            await responder.RespondAsync(response, cancellationToken);
        }
    }
}
