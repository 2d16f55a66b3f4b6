namespace BriefingBot.Discord.Gateway;

/// <summary>What to do after the gateway closed with a given code (Discord's close-code table).</summary>
public static class GatewayCloseCodes
{
    /// <summary>We close with this (never 1000/1001, which would end the session) when we mean to resume.</summary>
    public const int Reconnecting = 4000;

    public static GatewayReconnect Classify(int? closeCode) => closeCode switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayReconnect.Stop,
        4003 or 4007 or 4009 => GatewayReconnect.Identify,
        _ => GatewayReconnect.Resume, // other 4xxx, server 1000/1001, or no code at all (dropped)
    };

    /// <summary>A short reason for the log line when the code is fatal.</summary>
    public static string Describe(int? closeCode) => closeCode switch
    {
        4004 => "authentication failed: the bot token is wrong or was reset. Set Discord__Token to the current token",
        4010 => "invalid shard",
        4011 => "sharding required: the bot is in too many guilds for one connection",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: a privileged intent is not enabled in the Developer Portal",
        null => "connection dropped",
        _ => "close code " + closeCode,
    };
}
