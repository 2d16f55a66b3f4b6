namespace BriefingBot.Discord.Models;

/// <summary>Op 6's data: picks a session back up after the given sequence number.</summary>
public sealed record JsonResume(string Token, string SessionId, int? Seq);
