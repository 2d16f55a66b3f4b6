using System.Globalization;
using BriefingBot.Commands.Replies;
using BriefingBot.Discord.Models;

namespace BriefingBot.Discord.Translation;

/// <summary>
/// Turns a transport-neutral <see cref="Reply"/> into a Discord message body. Safe by default: the reply is fitted
/// to Discord's limits again (pushes such as digests never pass through the dispatcher), every message carries
/// <c>allowed_mentions: {"parse": []}</c>, and buttons are laid out five to a row.
/// </summary>
public sealed class ReplyRenderer
{
    private const int SuccessColor = 0x5865F2;
    private const int ProblemColor = 0xF0B232;
    private const int FailureColor = 0xDA373C;

    /// <summary>Renders the reply; <paramref name="allowEphemeral"/> is false for channel posts, where the flag is invalid.</summary>
    public JsonMessageContent Render(Reply reply, bool allowEphemeral = true)
    {
        var fitted = ReplyFitter.Fit(reply);
        var color = fitted.Kind switch
        {
            ReplyKind.Success => SuccessColor,
            ReplyKind.Failure => FailureColor,
            _ => ProblemColor,
        };

        return new JsonMessageContent
        {
            Content = string.IsNullOrEmpty(fitted.Content) ? null : fitted.Content,
            Embeds = fitted.Embeds.Count == 0 ? null : fitted.Embeds.Select(e => RenderEmbed(e, color)).ToArray(),
            Components = RenderButtons(fitted.Buttons),
            Flags = allowEphemeral && fitted.Ephemeral ? MessageFlags.Ephemeral : null,
            AllowedMentions = JsonAllowedMentions.None,
        };
    }

    /// <summary>Body for editing a message in place: empty lists are sent explicitly so old embeds and buttons go away.</summary>
    public JsonMessageContent RenderEdit(Reply reply)
    {
        var message = Render(reply, allowEphemeral: false);
        return message with
        {
            Content = message.Content ?? "",
            Embeds = message.Embeds ?? [],
            Components = message.Components ?? [],
        };
    }

    private static JsonEmbed RenderEmbed(ReplyEmbed embed, int color) => new()
    {
        Title = embed.Title,
        Description = embed.Description,
        Url = embed.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? url : null,
        Timestamp = embed.Timestamp?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Color = color,
        Footer = string.IsNullOrWhiteSpace(embed.Footer) ? null : new JsonEmbedFooter(embed.Footer),
        Author = string.IsNullOrWhiteSpace(embed.Author) ? null : new JsonEmbedAuthor(embed.Author),
        Fields = embed.Fields.Count == 0 ? null : embed.Fields.Select(f => new JsonEmbedField(f.Name, f.Value, f.Inline)).ToArray(),
    };

    private static JsonComponent[]? RenderButtons(IReadOnlyList<ReplyButton> buttons)
    {
        if (buttons.Count == 0)
        {
            return null;
        }

        return buttons
            .Select(RenderButton)
            .Chunk(ReplyLimits.ButtonsPerRow)
            .Take(ReplyLimits.ButtonRows)
            .Select(row => new JsonComponent(JsonComponent.ActionRowType) { Components = row })
            .ToArray();
    }

    private static JsonComponent RenderButton(ReplyButton button) => button.Url is { } url
        ? new JsonComponent(JsonComponent.ButtonType) { Style = (int)ReplyButtonStyle.Link, Label = button.Label, Url = url }
        : new JsonComponent(JsonComponent.ButtonType)
        {
            // A link style without a URL is invalid; a custom-id button is never a link.
            Style = button.Style == ReplyButtonStyle.Link ? (int)ReplyButtonStyle.Secondary : (int)button.Style,
            Label = button.Label,
            CustomId = button.CustomId,
        };
}
