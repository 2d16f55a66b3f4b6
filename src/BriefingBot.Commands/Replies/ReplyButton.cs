namespace BriefingBot.Commands.Replies;

/// <summary>
/// A button under a reply. Either it carries its state in <see cref="CustomId"/> (see <see cref="Components.ComponentId"/>),
/// so it keeps working after a restart, or it opens <see cref="Url"/>.
/// </summary>
public sealed record ReplyButton(string Label)
{
    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public ReplyButtonStyle Style { get; init; } = ReplyButtonStyle.Secondary;
}
