namespace BriefingBot.Discord.Gateway;

/// <summary>Makes a fresh connection for every (re)connect; replaceable in tests or for a proxy-aware socket.</summary>
public interface IWebSocketConnectionFactory
{
    IWebSocketConnection Create();
}
