namespace BriefingBot.Testing.Discord;

/// <summary>A message the fake Discord created in a channel.</summary>
public sealed record CreatedMessage(string Id, string ChannelId, string? Nonce, string Body, DateTimeOffset CreatedAt);
