namespace BriefingBot.Discord.Gateway;

/// <summary>How the gateway carries on after a connection ends.</summary>
public enum GatewayReconnect
{
    /// <summary>Reconnect to the resume URL and send Resume with the last sequence.</summary>
    Resume,

    /// <summary>The session is gone: reconnect to the gateway URL and Identify afresh (after 1–5 s).</summary>
    Identify,

    /// <summary>Fatal (bad token, bad intents, invalid shard): retrying cannot help and could cost the token.</summary>
    Stop,

    /// <summary>Discord wants more shards (4011): every shard of this process restarts with a new count.</summary>
    Reshard,
}
