using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Benchmarks.Load;

/// <summary>HTTP interactions: every request signed, the initial response read from the HTTP response body.</summary>
public sealed class HttpDriver : IDriver, IDisposable
{
    private readonly HttpClient _http;
    private readonly InteractionSigner _signer;
    private readonly ConcurrentBag<Task> _inFlight = [];
    private readonly ConcurrentDictionary<string, SignedBody> _prepared = new(StringComparer.Ordinal);
    private int _errors;

    private HttpDriver(HttpClient http, InteractionSigner signer)
    {
        _http = http;
        _signer = signer;
    }

    public static async Task<HttpDriver> ConnectAsync(int port, InteractionSigner signer, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 2000, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) };
        var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                using var ping = await http.SendAsync(signer.Sign(DiscordPayloads.Ping().ToJsonString()), cancellationToken);
                if (ping.StatusCode == HttpStatusCode.OK)
                {
                    return new HttpDriver(http, signer);
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // not listening yet
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public Task SendAsync(string kind, JsonObject payload, InteractionLedger ledger, CancellationToken cancellationToken)
    {
        var task = SendCoreAsync(kind, payload, ledger, cancellationToken);
        _inFlight.Add(task);
        return Task.CompletedTask;
    }

    public void Prepare(IEnumerable<JsonObject> payloads)
    {
        foreach (var payload in payloads)
        {
            var json = payload.ToJsonString();
            using var request = _signer.Sign(json);
            _prepared[payload["token"]!.GetValue<string>()] = new SignedBody(
                json,
                request.Headers.GetValues("X-Signature-Ed25519").Single(),
                request.Headers.GetValues("X-Signature-Timestamp").Single());
        }
    }

    public void Midpoint()
    {
        // nothing to interrupt: HTTP mode has no connection to Discord
    }

    public Task DrainAsync() => Task.WhenAll(_inFlight);

    public void Describe(JsonObject report) => report["httpErrors"] = Volatile.Read(ref _errors);

    public void Dispose() => _http.Dispose();

    /// <summary>A body signed ahead of time (Discord allows the timestamp to be minutes old; the bot allows 5).</summary>
    private sealed record SignedBody(string Json, string Signature, string Timestamp)
    {
        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(Json, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Signature-Ed25519", Signature);
            request.Headers.Add("X-Signature-Timestamp", Timestamp);
            return request;
        }
    }

    private async Task SendCoreAsync(string kind, JsonObject payload, InteractionLedger ledger, CancellationToken cancellationToken)
    {
        using var request = _prepared.TryRemove(payload["token"]!.GetValue<string>(), out var signed) ? signed.ToRequest() : _signer.Sign(payload.ToJsonString());
        ledger.Sent(kind, payload, Stopwatch.GetTimestamp());
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                ledger.Initial(payload["token"]!.GetValue<string>(), body, Stopwatch.GetTimestamp());
            }
            else
            {
                Interlocked.Increment(ref _errors);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
