namespace BriefingBot.Commands;

/// <summary>One declared option of a command (or a subcommand, whose own options sit in <see cref="Options"/>).</summary>
public sealed record CommandOptionDefinition(string Name, string Description, CommandOptionType Type)
{
    public bool Required { get; init; }

    public bool Autocomplete { get; init; }

    public IReadOnlyList<CommandChoice> Choices { get; init; } = [];

    public IReadOnlyList<CommandOptionDefinition> Options { get; init; } = [];

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }
}
