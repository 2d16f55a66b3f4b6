namespace BriefingBot.Discord.Gateway;

/// <summary>Discord's gateway opcodes (the <c>op</c> of every payload) that this client sends or handles.</summary>
public enum GatewayOpcode
{
    /// <summary>Receive: an event (READY, RESUMED, INTERACTION_CREATE…), with a sequence number.</summary>
    Dispatch = 0,

    /// <summary>Send: keep the connection alive; receive: Discord asks for one now.</summary>
    Heartbeat = 1,

    /// <summary>Send: start a new session.</summary>
    Identify = 2,

    /// <summary>Send: replay what was missed since the last sequence of an earlier session.</summary>
    Resume = 6,

    /// <summary>Receive: reconnect and resume.</summary>
    Reconnect = 7,

    /// <summary>Receive: the session is gone; its data says whether it can be resumed.</summary>
    InvalidSession = 9,

    /// <summary>Receive: the first payload, with the heartbeat interval.</summary>
    Hello = 10,

    /// <summary>Receive: the last heartbeat arrived.</summary>
    HeartbeatAck = 11,
}
