using System.Text.Json;

namespace BriefingBot.Discord.Models;

/// <summary>A received option: a value, or nested options for a subcommand. <see cref="Focused"/> marks the one being typed.</summary>
public sealed record JsonInteractionOption
{
    public string Name { get; init; } = "";

    public int Type { get; init; }

    /// <summary>A string, integer, number or boolean depending on <see cref="Type"/>.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<JsonInteractionOption> Options { get; init; } = [];

    public bool Focused { get; init; }
}
