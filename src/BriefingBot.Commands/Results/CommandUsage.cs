namespace BriefingBot.Commands.Results;

/// <summary>One command as /help lists it; /help's structured result is the list of them.</summary>
public sealed record CommandUsage(string Name, string Usage, string Description, bool ModeratorOnly);
