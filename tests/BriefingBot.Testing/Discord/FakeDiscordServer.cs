using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Testing.Discord;

/// <summary>
/// A small Discord on 127.0.0.1 (Kestrel, a free port, real sockets) that speaks enough of the documented protocol
/// to drive a real client: <c>GET /gateway/bot</c>, <c>GET /applications/@me</c>, a scriptable WebSocket gateway at
/// <c>/gateway</c> and <c>/resume</c>, the interaction callback, interaction webhooks, command GET/PUT and channel
/// messages. Every REST request is recorded; <see cref="Enqueue"/> scripts one-off answers (429, 5xx, 401…).
/// <c>/gateway/bot</c> recommends <see cref="GatewayShards"/> shards with <see cref="MaxConcurrency"/>, and every
/// Identify is recorded with its shard and time (<see cref="Identifies"/>).
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    public const ulong ApplicationId = 900000000000000001;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedResponse> _scripted = new();
    private readonly ConcurrentDictionary<string, string> _commandsByScope = new(StringComparer.Ordinal);
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<FakeGatewayConnection> _accepted = [];
    private readonly ConcurrentQueue<RecordedIdentify> _identifies = new();
    private int _connectionCount;
    private int _gatewayShards = 1;
    private int _maxConcurrency = 1;
    private int _sessionStartRemaining = 999;
    private long _resetAfterMs = 14_400_000;

    private FakeDiscordServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Root { get; private set; } = null!;

    /// <summary>The REST base URL, like <c>https://discord.com/api/v10</c>.</summary>
    public string ApiBaseUrl => new Uri(Root, "api/v10").ToString();

    public string GatewayUrl => $"ws://{Root.Authority}/gateway";

    public string ResumeGatewayUrl => $"ws://{Root.Authority}/resume";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>The shard count <c>GET /gateway/bot</c> recommends.</summary>
    public int GatewayShards
    {
        get => Volatile.Read(ref _gatewayShards);
        set => Volatile.Write(ref _gatewayShards, value);
    }

    /// <summary><c>session_start_limit.max_concurrency</c>: identifies allowed per 5 s, one per bucket.</summary>
    public int MaxConcurrency
    {
        get => Volatile.Read(ref _maxConcurrency);
        set => Volatile.Write(ref _maxConcurrency, value);
    }

    /// <summary><c>session_start_limit.remaining</c>.</summary>
    public int SessionStartRemaining
    {
        get => Volatile.Read(ref _sessionStartRemaining);
        set => Volatile.Write(ref _sessionStartRemaining, value);
    }

    /// <summary><c>session_start_limit.reset_after</c> in milliseconds.</summary>
    public long ResetAfterMs
    {
        get => Volatile.Read(ref _resetAfterMs);
        set => Volatile.Write(ref _resetAfterMs, value);
    }

    /// <summary>Every Identify received, in order of arrival.</summary>
    public IReadOnlyList<RecordedIdentify> Identifies => _identifies.ToArray();

    /// <summary>Messages created in channels (Create Message), after nonce dedupe.</summary>
    public FakeChannelMessages ChannelMessages { get; } = new();

    /// <summary>Called for every REST request as it is recorded (before it is answered); a load run tracks replies with it.</summary>
    public Action<RecordedRequest>? RequestObserver { get; set; }

    public static async Task<FakeDiscordServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeDiscordServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The next request matching method and path fragment gets this answer instead of the default.</summary>
    public void Enqueue(ScriptedResponse response) => _scripted.Enqueue(response);

    /// <summary>Commands already "registered" in a scope (<c>global</c> or a guild id), as a JSON array.</summary>
    public void SetCommands(string scope, string json) => _commandsByScope[scope] = json;

    public string? GetCommands(string scope) => _commandsByScope.GetValueOrDefault(scope);

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout);
        try
        {
            return await _connections.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No gateway connection arrived within {timeout} ({ConnectionCount} so far).");
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> identifies have arrived; earlier ones count too.</summary>
    public async Task<IReadOnlyList<RecordedIdentify>> WaitForIdentifiesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_identifies.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {_identifies.Count} of {count} identifies arrived within {timeout}.");
            }

            await Task.Delay(10, cancellationToken);
        }

        return Identifies;
    }

    /// <summary>
    /// Does what Discord does when a bot has outgrown its shards: from now on <c>/gateway/bot</c> recommends
    /// <paramref name="recommendedShards"/>, and <paramref name="connection"/> is closed with 4011.
    /// </summary>
    public Task RequireShardingAsync(FakeGatewayConnection connection, int recommendedShards, CancellationToken cancellationToken = default)
    {
        GatewayShards = recommendedShards;
        return connection.CloseAsync(4011, "Sharding required.", cancellationToken);
    }

    /// <summary>Waits for a recorded request that matches; earlier requests count too.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = _requests.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", _requests.Select(r => r.Method + " " + r.Path));
                throw new TimeoutException($"No matching request within {timeout}. Seen: {seen}");
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    public Task<RecordedRequest> WaitForRequestAsync(string method, string pathContains, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForRequestAsync(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal), timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        foreach (var connection in _accepted)
        {
            connection.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (context.WebSockets.IsWebSocketRequest && path is "/gateway" or "/resume" or "/gateway/" or "/resume/")
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new FakeGatewayConnection(context, socket, Interlocked.Increment(ref _connectionCount) - 1, _identifies.Enqueue);
            _accepted.Add(connection);
            await _connections.Writer.WriteAsync(connection);
            await connection.RunAsync(_stopping.Token);
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var method = context.Request.Method;
        var recorded = new RecordedRequest(method, path + context.Request.QueryString, headers, body, DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);
        RequestObserver?.Invoke(recorded);

        if (TakeScripted(method, path) is { } scripted)
        {
            if (scripted.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(scripted.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the client gave up waiting
                }
            }

            context.Response.StatusCode = scripted.Status;
            foreach (var (name, value) in scripted.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await WriteJsonAsync(context, scripted.Body);
            return;
        }

        if (method == "POST" && path.Split('/') is ["", "api", "v10", "channels", var channel, "messages"])
        {
            var (created, hold) = ChannelMessages.Create(channel, body);
            if (hold > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(hold, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the bot gave up (or died) before learning the message landed
                }
            }

            context.Response.StatusCode = 200;
            await WriteJsonAsync(context, created);
            return;
        }

        var (status, json) = Route(method, path, body);
        context.Response.StatusCode = status;
        await WriteJsonAsync(context, json);
    }

    private ScriptedResponse? TakeScripted(string method, string path)
    {
        // Only the head of the queue is considered, so scripts apply in the order the test wrote them.
        if (_scripted.TryPeek(out var next) && next.Method == method && path.Contains(next.PathContains, StringComparison.Ordinal)
            && _scripted.TryDequeue(out var taken))
        {
            return taken;
        }

        return null;
    }

    private (int Status, string? Json) Route(string method, string path, string body)
    {
        var segments = path.Trim('/').Split('/');
        if (segments.Length < 3 || segments[0] != "api" || segments[1] != "v10")
        {
            return (404, """{"code":0,"message":"404: Not Found"}""");
        }

        var route = segments[2..];
        var message = """{"id":"1100000000000000001","channel_id":"1200000000000000001","content":""}""";
        switch (method, route)
        {
            case ("GET", ["gateway", "bot"]):
                return (200, new JsonObject
                {
                    ["url"] = GatewayUrl,
                    ["shards"] = GatewayShards,
                    ["session_start_limit"] = new JsonObject
                    {
                        ["total"] = 1000,
                        ["remaining"] = SessionStartRemaining,
                        ["reset_after"] = ResetAfterMs,
                        ["max_concurrency"] = MaxConcurrency,
                    },
                }.ToJsonString());
            case ("GET", ["applications", "@me"]):
                return (200, $$"""{"id":"{{ApplicationId.ToString(CultureInfo.InvariantCulture)}}","name":"BriefingBot"}""");
            case ("GET", ["applications", _, "commands"]):
                return (200, _commandsByScope.GetValueOrDefault("global", "[]"));
            case ("GET", ["applications", _, "guilds", var guild, "commands"]):
                return (200, _commandsByScope.GetValueOrDefault(guild, "[]"));
            case ("PUT", ["applications", _, "commands"]):
                _commandsByScope["global"] = body;
                return (200, body);
            case ("PUT", ["applications", _, "guilds", var guild, "commands"]):
                _commandsByScope[guild] = body;
                return (200, body);
            case ("POST", ["interactions", _, _, "callback"]):
                return (204, null);
            case ("PATCH", ["webhooks", _, _, "messages", _]):
            case ("POST", ["webhooks", _, _]):
                return (200, message);
            case ("DELETE", ["webhooks", _, _, "messages", _]):
                return (204, null);
            default:
                return (404, """{"code":0,"message":"404: Not Found"}""");
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, string? json)
    {
        if (json is null || context.Response.StatusCode == 204)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
