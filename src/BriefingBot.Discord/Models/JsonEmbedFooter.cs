namespace BriefingBot.Discord.Models;

/// <summary>An embed's footer line.</summary>
public sealed record JsonEmbedFooter(string Text);
