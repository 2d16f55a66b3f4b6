namespace BriefingBot.Discord.Models;

/// <summary>
/// A chat-input command as registered with Discord. Read-only fields Discord adds (id, version, application id)
/// are not modelled: the registrar compares only what it sends.
/// </summary>
public sealed record JsonApplicationCommand
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public int Type { get; init; } = 1;

    public IReadOnlyList<JsonApplicationCommandOption>? Options { get; init; }

    /// <summary>A decimal permission set, or null for everyone.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where the command may be used: 0 guild, 1 bot DM, 2 private channel. Global commands only.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}
