namespace BriefingBot.Commands.Replies;

/// <summary>A named value inside a <see cref="ReplyEmbed"/>.</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = false);
