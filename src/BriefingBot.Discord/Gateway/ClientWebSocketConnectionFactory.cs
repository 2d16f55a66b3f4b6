namespace BriefingBot.Discord.Gateway;

/// <summary>Creates <see cref="ClientWebSocketConnection"/>s.</summary>
public sealed class ClientWebSocketConnectionFactory : IWebSocketConnectionFactory
{
    public IWebSocketConnection Create() => new ClientWebSocketConnection();
}
