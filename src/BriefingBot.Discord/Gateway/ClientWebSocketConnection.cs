using System.Buffers;
using System.Net.WebSockets;

namespace BriefingBot.Discord.Gateway;

/// <summary><see cref="IWebSocketConnection"/> over <see cref="ClientWebSocket"/>; reassembles messages split over frames.</summary>
public sealed class ClientWebSocketConnection : IWebSocketConnection
{
    /// <summary>Far above any payload a single-shard bot receives; stops a broken peer from exhausting memory.</summary>
    private const int MaxMessageBytes = 32 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero; // Discord has its own heartbeat
        return _socket.ConnectAsync(uri, cancellationToken);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken) =>
        await _socket.SendAsync(utf8Text, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async Task<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var writer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = writer.GetMemory(4096);
            var result = await _socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketMessage.Closed((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
            }

            writer.Advance(result.Count);
            if (writer.WrittenCount > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "Gateway message too large.");
            }

            if (result.EndOfMessage)
            {
                return new WebSocketMessage(writer.WrittenMemory);
            }
        }
    }

    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
        }
    }

    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
