namespace BriefingBot.Commands.Replies;

/// <summary>
/// Keeps a reply inside Discord's limits (see <see cref="ReplyLimits"/>) by cutting text at sentence boundaries and
/// dropping what cannot fit, last things first. Applied to every reply, whatever the transport, so a reply that
/// works in the console also works in Discord.
/// </summary>
public static class ReplyFitter
{
    public static Reply Fit(Reply reply)
    {
        var content = reply.Content is null ? null : TextCutter.Cut(reply.Content, ReplyLimits.Content);
        var embeds = reply.Embeds.Take(ReplyLimits.EmbedsPerMessage).Select(FitEmbed).ToList();
        FitTotal(embeds);

        var buttons = reply.Buttons
            .Where(b => b.Url is not null || b.CustomId is { Length: > 0 and <= ReplyLimits.CustomId })
            .Select(b => b with { Label = TextCutter.Cut(b.Label, ReplyLimits.ButtonLabel) })
            .Take(ReplyLimits.ButtonsPerRow * ReplyLimits.ButtonRows)
            .ToArray();

        if (string.IsNullOrWhiteSpace(content) && embeds.Count == 0)
        {
            content = "Nothing to show.";
        }

        return reply with { Content = content, Embeds = embeds, Buttons = buttons };
    }

    private static ReplyEmbed FitEmbed(ReplyEmbed embed) => embed with
    {
        Title = CutOrNull(embed.Title, ReplyLimits.EmbedTitle),
        Description = CutOrNull(embed.Description, ReplyLimits.EmbedDescription),
        Footer = CutOrNull(embed.Footer, ReplyLimits.Footer),
        Author = CutOrNull(embed.Author, ReplyLimits.AuthorName),
        Fields = embed.Fields
            .Where(f => !string.IsNullOrWhiteSpace(f.Name) && !string.IsNullOrWhiteSpace(f.Value))
            .Take(ReplyLimits.FieldsPerEmbed)
            .Select(f => f with { Name = TextCutter.Cut(f.Name, ReplyLimits.FieldName), Value = TextCutter.Cut(f.Value, ReplyLimits.FieldValue) })
            .ToArray(),
    };

    private static string? CutOrNull(string? text, int max) => text is null ? null : TextCutter.Cut(text, max);

    /// <summary>Counts what Discord counts towards the 6000-character message total.</summary>
    public static int CountEmbedCharacters(IEnumerable<ReplyEmbed> embeds) => embeds.Sum(e =>
        (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Length ?? 0) + (e.Author?.Length ?? 0)
        + e.Fields.Sum(f => f.Name.Length + f.Value.Length));

    private static void FitTotal(List<ReplyEmbed> embeds)
    {
        while (embeds.Count > 0 && CountEmbedCharacters(embeds) > ReplyLimits.TotalEmbedCharacters)
        {
            var excess = CountEmbedCharacters(embeds) - ReplyLimits.TotalEmbedCharacters;
            var last = embeds[^1];
            if (last.Fields.Count > 0)
            {
                embeds[^1] = last with { Fields = last.Fields.Take(last.Fields.Count - 1).ToArray() };
            }
            else if (last.Description is { Length: > 0 } description && description.Length > excess + 100 && embeds.Count == 1)
            {
                embeds[^1] = last with { Description = TextCutter.Cut(description, description.Length - excess) };
            }
            else if (embeds.Count > 1)
            {
                embeds.RemoveAt(embeds.Count - 1);
            }
            else
            {
                embeds[^1] = last with { Description = TextCutter.Cut(last.Description ?? string.Empty, Math.Max(0, (last.Description?.Length ?? 0) - excess)) };
            }
        }
    }
}
