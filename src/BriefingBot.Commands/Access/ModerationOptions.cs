namespace BriefingBot.Commands.Access;

/// <summary>Who counts as a moderator besides members with Manage Server. Section <c>Moderation</c>.</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>Role ids whose members may use moderator commands even without Manage Server.</summary>
    public IList<ulong> RoleIds { get; init; } = [];
}
