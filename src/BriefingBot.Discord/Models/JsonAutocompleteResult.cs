namespace BriefingBot.Discord.Models;

/// <summary>Callback type 8's data: at most 25 suggestions.</summary>
public sealed record JsonAutocompleteResult(IReadOnlyList<JsonCommandChoice> Choices);
