namespace BriefingBot.Discord.Models;

/// <summary>A declared option (or subcommand) of an application command.</summary>
public sealed record JsonApplicationCommandOption
{
    public int Type { get; init; }

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public IReadOnlyList<JsonCommandChoice>? Choices { get; init; }

    public IReadOnlyList<JsonApplicationCommandOption>? Options { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }
}
