namespace BriefingBot.Discord.Models;

/// <summary>
/// The data of a command, autocomplete or component interaction. Command fields and component fields share one
/// record because Discord tells them apart only by the interaction's type.
/// </summary>
public sealed record JsonInteractionData
{
    public string? Name { get; init; }

    public IReadOnlyList<JsonInteractionOption> Options { get; init; } = [];

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }
}
