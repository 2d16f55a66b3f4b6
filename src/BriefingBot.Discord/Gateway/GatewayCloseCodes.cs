namespace BriefingBot.Discord.Gateway;

/// <summary>What to do after the gateway closed with a given code (Discord's close-code table).</summary>
public static class GatewayCloseCodes
{
    /// <summary>
    /// We close with this when we mean to resume: any code but 1000/1001 keeps the session resumable, and 4000 is
    /// Discord's own "unknown error".
    /// </summary>
    public const int Reconnecting = (int)GatewayCloseCode.UnknownError;

    public static GatewayReconnect Classify(int? closeCode) => (GatewayCloseCode?)closeCode switch
    {
        GatewayCloseCode.ShardingRequired => GatewayReconnect.Reshard,
        GatewayCloseCode.AuthenticationFailed or GatewayCloseCode.InvalidShard
            or GatewayCloseCode.InvalidApiVersion or GatewayCloseCode.InvalidIntents or GatewayCloseCode.DisallowedIntents => GatewayReconnect.Stop,
        GatewayCloseCode.NotAuthenticated or GatewayCloseCode.InvalidSequence or GatewayCloseCode.SessionTimedOut => GatewayReconnect.Identify,
        _ => GatewayReconnect.Resume, // other 4xxx, server 1000/1001, or no code at all (dropped)
    };

    /// <summary>A short reason for the log line when the code is fatal.</summary>
    public static string Describe(int? closeCode) => (GatewayCloseCode?)closeCode switch
    {
        GatewayCloseCode.AuthenticationFailed => "authentication failed: the bot token is wrong or was reset. Set Discord__Token to the current token",
        GatewayCloseCode.InvalidShard => "invalid shard: Discord refused the shard id or count. Check Discord:ShardCount and Discord:ShardIds (bots in over 150,000 guilds must use a multiple of the count Discord assigned them)",
        GatewayCloseCode.ShardingRequired => "sharding required: the bot is in too many guilds for one connection",
        GatewayCloseCode.InvalidApiVersion => "invalid API version",
        GatewayCloseCode.InvalidIntents => "invalid intents",
        GatewayCloseCode.DisallowedIntents => "disallowed intents: a privileged intent is not enabled in the Developer Portal",
        null => "connection dropped",
        _ => "close code " + closeCode,
    };
}
