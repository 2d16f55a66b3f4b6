namespace BriefingBot.Discord.Models;

/// <summary>Message flag bits the bot sets.</summary>
public static class MessageFlags
{
    /// <summary>Only the invoking user sees the message (1 &lt;&lt; 6).</summary>
    public const int Ephemeral = 1 << 6;
}
