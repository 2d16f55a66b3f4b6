using System.Diagnostics;
using System.Net;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Rest;

/// <summary>Discord misbehaving over real sockets: bursts of 429s and 5xx, slow answers, 401s and the invalid-request line.</summary>
public sealed class DiscordRestClientFaultTests : IAsyncLifetime
{
    private const string RateLimitedBody = """{"message":"You are being rate limited.","retry_after":0.02,"global":false}""";
    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _host = DiscordTestHost.Create(_server, s =>
        {
            s["Discord:MaxRestRetries"] = "2";
            s["Discord:RestRequestTimeout"] = "00:00:02"; // short, yet long enough for a cold first request on a busy machine
            s["Discord:InvalidRequestBudget"] = "5";
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task RateLimitBurstOnOneRoute_IsLoggedOnceNotPerRequest()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.Enqueue(RateLimited("GET", "/applications/@me", "user"));
            _server.Enqueue(new ScriptedResponse("GET", "/applications/@me", 200, """{"id":"1","name":"x"}"""));
        }

        for (var i = 0; i < 4; i++)
        {
            await _host.Rest.GetCurrentApplicationAsync(CancellationToken.None);
        }

        Assert.Equal(8, _server.Requests.Count);
        Assert.Single(Logged("rate-limited"));
    }

    [Fact]
    public async Task SharedAndGlobalRateLimits_AreLoggedOncePerScope()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(RateLimited("POST", "/channels/", "shared"));
        }

        _server.Enqueue(new ScriptedResponse("POST", "/channels/", 429, """{"message":"global","retry_after":0.02,"global":true}""") { Headers = Scope("global") });
        _server.Enqueue(new ScriptedResponse("POST", "/channels/", 429, """{"message":"global","retry_after":0.02,"global":true}""") { Headers = Scope("global") });

        // Three shared 429s use up the retries; then two global ones, and the third attempt gets through.
        await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.CreateMessageAsync(1, new JsonMessageContent { Content = "a" }, CancellationToken.None));
        await _host.Rest.CreateMessageAsync(1, new JsonMessageContent { Content = "b" }, CancellationToken.None);

        Assert.Equal(6, _server.Requests.Count);

        Assert.Single(Logged("scope: shared"));
        Assert.Single(Logged("scope: global"));
    }

    [Fact]
    public async Task ServerErrorBurst_IsRetriedWithBackoffAndLoggedOnce()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 500, "<html>oops</html>"));
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 502, "<html>bad gateway</html>"));
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 200, $$"""{"url":"{{_server.GatewayUrl}}","shards":1}"""));
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 503, """{"message":"unavailable","code":0}"""));

        await _host.Rest.GetGatewayBotAsync(CancellationToken.None);
        await _host.Rest.GetGatewayBotAsync(CancellationToken.None);

        var requests = _server.Requests;
        Assert.Equal(5, requests.Count); // 500, 502, then 200; 503, then 200
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(150), "retried without backing off");
        Assert.Single(Logged("server errors"));
    }

    [Fact]
    public async Task RateLimitedWithoutRetryAfterOrJson_WaitsASecondThenRetries()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/applications/@me", 429, "<html>Cloudflare says slow down</html>"));

        await _host.Rest.GetCurrentApplicationAsync(CancellationToken.None);

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task SlowResponse_IsAbandonedAfterTheTimeoutAndRetried()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 200, """{"url":"ws://slow","shards":1}""") { Delay = TimeSpan.FromSeconds(30) });
        var stopwatch = Stopwatch.StartNew();

        var gateway = await _host.Rest.GetGatewayBotAsync(CancellationToken.None);

        stopwatch.Stop();
        Assert.Equal(_server.GatewayUrl, gateway.Url);
        Assert.Equal(2, _server.Requests.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(12), $"waited {stopwatch.Elapsed}");
        Assert.Single(Logged("no answer within"));
    }

    [Fact]
    public async Task SlowResponsesBeyondRetries_FailWithoutHanging()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 200, "{}") { Delay = TimeSpan.FromSeconds(30) });
        }

        var stopwatch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.GetGatewayBotAsync(CancellationToken.None));

        Assert.Null(ex.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"waited {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task UnauthorizedOnAnInteractionRoute_IsNeverRetried()
    {
        _server.Enqueue(new ScriptedResponse("POST", "/interactions/", 401, """{"message":"401: Unauthorized","code":0}"""));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.CreateInteractionResponseAsync(
            7, "itoken-7", new JsonInteractionResponse(InteractionCallbackType.Pong), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task InvalidResponsesReachingTheBudget_PauseEveryCallBeforeItReachesDiscord()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.Enqueue(new ScriptedResponse("POST", "/channels/", 403, """{"message":"Missing Access","code":50001}"""));
        }

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.CreateMessageAsync(1, new JsonMessageContent { Content = "x" }, CancellationToken.None));
        }

        var paused = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.GetGatewayBotAsync(CancellationToken.None));
        var alsoPaused = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.CreateInteractionResponseAsync(
            8, "itoken-8", new JsonInteractionResponse(InteractionCallbackType.Pong), CancellationToken.None));

        Assert.Equal(5, _server.Requests.Count);
        Assert.Contains("paused", paused.Message, StringComparison.Ordinal);
        Assert.InRange(paused.RetryAfter!.Value, TimeSpan.FromMinutes(9), InvalidRequestGuard.Window);
        Assert.Contains("paused", alsoPaused.Message, StringComparison.Ordinal);
        Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("invalid responses", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SharedScopeRateLimits_DoNotCountTowardsTheInvalidRequestBudget()
    {
        for (var i = 0; i < 6; i++)
        {
            _server.Enqueue(RateLimited("GET", "/applications/@me", "shared"));
            _server.Enqueue(new ScriptedResponse("GET", "/applications/@me", 200, """{"id":"1","name":"x"}"""));
        }

        for (var i = 0; i < 6; i++)
        {
            await _host.Rest.GetCurrentApplicationAsync(CancellationToken.None);
        }

        Assert.Equal(0, _host.Rest.InvalidResponseCount);
        await _host.Rest.GetGatewayBotAsync(CancellationToken.None);
    }

    private static ScriptedResponse RateLimited(string method, string path, string scope) =>
        new(method, path, 429, RateLimitedBody) { Headers = Scope(scope) };

    private static Dictionary<string, string> Scope(string scope) => new() { ["X-RateLimit-Scope"] = scope };

    private IEnumerable<string> Logged(string fragment) =>
        _host.Logs.Entries.Where(e => e.Message.Contains(fragment, StringComparison.Ordinal)).Select(e => e.Message);
}
