namespace BriefingBot.Discord.Models;

/// <summary>Op 10's data: how often to heartbeat, in milliseconds.</summary>
public sealed record JsonHello(double HeartbeatInterval);
