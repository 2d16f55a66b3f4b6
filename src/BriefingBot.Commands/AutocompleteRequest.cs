namespace BriefingBot.Commands;

/// <summary>A half-typed command: what is filled in so far, and which option the user is typing into.</summary>
public sealed record AutocompleteRequest(CommandRequest Command, string FocusedOption, string TypedText);
