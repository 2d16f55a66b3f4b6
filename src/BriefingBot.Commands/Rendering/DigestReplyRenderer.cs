using BriefingBot.Commands.Replies;
using BriefingBot.Core.Digest;

namespace BriefingBot.Commands.Rendering;

/// <summary>TEMPORARY stand-in with main's signature until the lead's renderer lands; removed at the merge.</summary>
public static class DigestReplyRenderer
{
    public static Reply Render(DigestEdition edition, string heading) =>
        new() { Embeds = [new ReplyEmbed { Title = heading, Fields = edition.Items.Select(i => new ReplyField(i.Title, i.Summary)).ToArray() }], Data = edition };
}
