using System.Globalization;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Digest;

namespace BriefingBot.Commands.Rendering;

/// <summary>Words a digest edition the same way for /digest, previews and scheduled posts.</summary>
public static class DigestReplyRenderer
{
    public static Reply Render(DigestEdition edition, string heading)
    {
        if (edition.Items.Count == 0)
        {
            return new Reply { Content = "No articles to put in a digest yet.", Data = edition };
        }

        var intro = edition.FellBackToLatest && edition.Since is { } since
            ? $"Nothing new since {since.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC; here are the latest stories."
            : $"{edition.Items.Count} stor{(edition.Items.Count == 1 ? "y" : "ies")} from {edition.ArticleCount} article{(edition.ArticleCount == 1 ? string.Empty : "s")}.";
        var embed = new ReplyEmbed
        {
            Title = heading,
            Description = intro,
            Fields = edition.Items.Select(item => new ReplyField(
                item.Title,
                item.Summary
                    + (item.Url is not null ? $"\n[Read more]({item.Url})" : $"\n`{item.ArticleId}`")
                    + (item.RelatedArticleIds.Count > 0 ? $" · also in {item.RelatedArticleIds.Count} other article{(item.RelatedArticleIds.Count == 1 ? string.Empty : "s")}" : string.Empty)))
                .ToArray(),
            Timestamp = edition.GeneratedAt,
        };
        return new Reply { Embeds = [embed], Data = edition };
    }
}
