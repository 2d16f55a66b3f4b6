namespace BriefingBot.Discord.Models;

/// <summary>
/// The initial answer to an interaction: the body of the callback route, or of the HTTP response in HTTP mode.
/// <see cref="Data"/> is a <see cref="JsonMessageContent"/> or a <see cref="JsonAutocompleteResult"/>.
/// </summary>
public sealed record JsonInteractionResponse(InteractionCallbackType Type, object? Data = null);
