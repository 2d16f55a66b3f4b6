namespace BriefingBot.Discord.Models;

/// <summary>A name/value pair in an embed.</summary>
public sealed record JsonEmbedField(string Name, string Value, bool Inline);
