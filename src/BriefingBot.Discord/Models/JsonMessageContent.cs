namespace BriefingBot.Discord.Models;

/// <summary>
/// A message body as the bot sends it: create message, execute webhook, interaction callback data and edits.
/// <see cref="AllowedMentions"/> is always set by the renderer so nothing the bot posts can ping anyone.
/// </summary>
public sealed record JsonMessageContent
{
    public string? Content { get; init; }

    public IReadOnlyList<JsonEmbed>? Embeds { get; init; }

    public IReadOnlyList<JsonComponent>? Components { get; init; }

    public int? Flags { get; init; }

    public JsonAllowedMentions? AllowedMentions { get; init; }

    /// <summary>Create Message only: an id of the sender's choosing (at most 25 characters).</summary>
    public string? Nonce { get; init; }

    /// <summary>Create Message only: with a nonce, Discord returns the message it already made for that nonce (a few minutes) instead of a second one.</summary>
    public bool? EnforceNonce { get; init; }
}
