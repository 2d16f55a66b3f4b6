namespace BriefingBot.Commands;

/// <summary>A fixed choice for an option, or an autocomplete suggestion.</summary>
public sealed record CommandChoice(string Name, string Value);
