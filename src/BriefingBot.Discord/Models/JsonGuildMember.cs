namespace BriefingBot.Discord.Models;

/// <summary>The invoking member in a guild interaction; <see cref="Permissions"/> is a decimal bit set.</summary>
public sealed record JsonGuildMember
{
    public JsonUser? User { get; init; }

    public string? Nick { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public string? Permissions { get; init; }
}
