namespace BriefingBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection, as the gateway needs it: whole text messages in and out, close with a code, or abort.
/// The seam in front of <see cref="System.Net.WebSockets.ClientWebSocket"/>.
/// </summary>
public interface IWebSocketConnection : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one UTF-8 text message. Callers serialise sends; the connection allows one at a time.</summary>
    Task SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken);

    /// <summary>The next whole message, or a close. Throws <see cref="System.Net.WebSockets.WebSocketException"/> when the socket drops.</summary>
    Task<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame with <paramref name="code"/> without waiting for the peer's reply, then lets go.</summary>
    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);

    void Abort();
}
