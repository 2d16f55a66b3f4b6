namespace BriefingBot.Core.Articles;

/// <summary>A file (or one record in it) that could not be loaded, and why, in words a moderator understands.</summary>
public sealed record LoadProblem(string Source, string Reason);
