namespace BriefingBot.Discord.Models;

/// <summary>An action row (type 1) holding buttons (type 2), in the classic, non-V2 component layout.</summary>
public sealed record JsonComponent(int Type)
{
    public const int ActionRowType = 1;
    public const int ButtonType = 2;

    public IReadOnlyList<JsonComponent>? Components { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }
}
