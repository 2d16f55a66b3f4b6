namespace BriefingBot.Discord.Models;

/// <summary>An embed's author line.</summary>
public sealed record JsonEmbedAuthor(string Name);
