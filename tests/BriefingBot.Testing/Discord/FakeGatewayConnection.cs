using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Testing.Discord;

/// <summary>
/// The server side of one gateway WebSocket. Tests script it: send Hello, READY, dispatches, op 7/9, close codes,
/// drop the socket, or withhold heartbeat ACKs. Heartbeats are ACKed automatically unless told otherwise; every
/// other payload the client sends is queued for <see cref="ReceiveAsync"/>.
/// </summary>
public sealed class FakeGatewayConnection : IDisposable
{
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> _heartbeatTimes = new();
    private readonly Action<RecordedIdentify>? _identified;
    private int _heartbeats;

    internal FakeGatewayConnection(HttpContext context, WebSocket socket, int index, Action<RecordedIdentify>? identified = null)
    {
        _context = context;
        _socket = socket;
        _identified = identified;
        Index = index;
        Path = context.Request.Path.Value ?? "";
        Query = context.Request.QueryString.Value ?? "";
    }

    /// <summary>0 for the first connection the server accepted, 1 for the next, …</summary>
    public int Index { get; }

    /// <summary><c>/gateway</c> or <c>/resume</c>: which URL the client connected to.</summary>
    public string Path { get; }

    public string Query { get; }

    /// <summary>Answer op 1 with op 11. Set false to make the link look like a zombie.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    public int HeartbeatCount => Volatile.Read(ref _heartbeats);

    /// <summary>The last Identify on this connection, with the shard it named; null before one arrived.</summary>
    public RecordedIdentify? Identify { get; private set; }

    /// <summary>When each heartbeat arrived, so a load run can tell whether the client kept its schedule.</summary>
    public IReadOnlyList<DateTimeOffset> HeartbeatTimes => _heartbeatTimes.ToArray();

    /// <summary>The close code the client sent, if it closed the socket itself.</summary>
    public int? ClientCloseCode { get; private set; }

    /// <summary>Completes when the socket is closed or dropped, from either side.</summary>
    public Task Closed => _closed.Task;

    public Task SendHelloAsync(int heartbeatIntervalMs, CancellationToken cancellationToken = default) =>
        SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatIntervalMs } }, cancellationToken);

    public Task SendReadyAsync(string sessionId, string resumeGatewayUrl, ulong applicationId, int sequence, CancellationToken cancellationToken = default) =>
        SendDispatchAsync("READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = "42", ["username"] = "briefingbot" },
            ["guilds"] = new JsonArray(),
            ["session_id"] = sessionId,
            ["resume_gateway_url"] = resumeGatewayUrl,
            ["application"] = new JsonObject { ["id"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["flags"] = 0 },
        }, sequence, cancellationToken);

    public Task SendDispatchAsync(string eventName, JsonNode data, int sequence, CancellationToken cancellationToken = default) =>
        SendAsync(new JsonObject { ["op"] = 0, ["t"] = eventName, ["s"] = sequence, ["d"] = data }, cancellationToken);

    public Task SendOpAsync(int opcode, JsonNode? data, CancellationToken cancellationToken = default) =>
        SendAsync(new JsonObject { ["op"] = opcode, ["d"] = data, ["s"] = null, ["t"] = null }, cancellationToken);

    public async Task SendAsync(JsonNode payload, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes from the server side with a gateway close code (4004, 4009, …).</summary>
    public async Task CloseAsync(int code, string reason = "", CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseQuietlyAfterClientAsync()
    {
        try
        {
            // Complete the close handshake, as Discord does.
            await _sendLock.WaitAsync();
            try
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (WebSocketException)
        {
            // the client already went away
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop() => _context.Abort();

    /// <summary>The next non-heartbeat payload from the client (Identify, Resume, …).</summary>
    public async Task<JsonNode> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout);
        try
        {
            return await _received.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The client sent nothing on gateway connection {Index} within {timeout}.");
        }
    }

    /// <summary>Waits until the client has sent at least <paramref name="count"/> heartbeats.</summary>
    public async Task WaitForHeartbeatsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (HeartbeatCount < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {HeartbeatCount} of {count} heartbeats arrived within {timeout}.");
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClientCloseCode = (int?)result.CloseStatus;
                        await CloseQuietlyAfterClientAsync();
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var payload = JsonNode.Parse(message.ToArray())!;
                if (payload["op"]?.GetValue<int>() == 1)
                {
                    _heartbeatTimes.Enqueue(DateTimeOffset.UtcNow);
                    Interlocked.Increment(ref _heartbeats);
                    if (AcknowledgeHeartbeats)
                    {
                        await SendAsync(new JsonObject { ["op"] = 11 }, cancellationToken);
                    }

                    continue;
                }

                if (payload["op"]?.GetValue<int>() == 2)
                {
                    var shard = payload["d"]?["shard"] as JsonArray;
                    Identify = new RecordedIdentify(Index, shard?[0]?.GetValue<int>(), shard?[1]?.GetValue<int>(), DateTimeOffset.UtcNow);
                    _identified?.Invoke(Identify);
                }

                await _received.Writer.WriteAsync(payload, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or JsonException)
        {
            // dropped by either side; Closed tells the test
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>Parses a payload field the way tests read it.</summary>
    public static int? Op(JsonNode payload) => payload["op"]?.GetValue<int>();
}
