namespace BriefingBot.Discord.Models;

/// <summary>Op 2's data: starts a new session.</summary>
public sealed record JsonIdentify(string Token, int Intents, JsonIdentifyProperties Properties);
