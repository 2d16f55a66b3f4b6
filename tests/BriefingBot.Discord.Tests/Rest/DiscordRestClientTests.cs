using System.Diagnostics;
using System.Net;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _host = DiscordTestHost.Create(_server, s => s["Discord:MaxRestRetries"] = "2");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetGatewayBotAsync_Always_SendsBotAuthorisationAndDiscordBotUserAgent()
    {
        var gateway = await _host.Rest.GetGatewayBotAsync(CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(_server.GatewayUrl, gateway.Url);
        Assert.Equal("Bot " + DiscordTestHost.Token, request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, \d+\.\d+\.\d+\)", request.Header("User-Agent"));
    }

    [Fact]
    public async Task SendAsync_RateLimitedWithRetryAfter_WaitsThenRetriesSuccessfully()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/applications/@me", 429, """{"message":"You are being rate limited.","retry_after":0.4,"global":false}""")
        {
            Headers = new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user", ["Retry-After"] = "1" },
        });
        var stopwatch = Stopwatch.StartNew();

        var application = await _host.Rest.GetCurrentApplicationAsync(CancellationToken.None);

        stopwatch.Stop();
        Assert.Equal(FakeDiscordServer.ApplicationId, application.Id);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(400), $"retried after {stopwatch.Elapsed}");
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(380));
    }

    [Fact]
    public async Task SendAsync_GlobalRateLimit_PausesOtherRoutesToo()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/applications/@me", 429, """{"message":"global","retry_after":0.4,"global":true}"""));
        var first = _host.Rest.GetCurrentApplicationAsync(CancellationToken.None);
        await _server.WaitForRequestAsync("GET", "/applications/@me", DiscordTestHost.Timeout);
        await WaitForLogAsync("rate-limited"); // the client has read the 429 before the next call starts

        await _host.Rest.GetGatewayBotAsync(CancellationToken.None);
        await first;

        var requests = _server.Requests;
        var limited = requests[0];
        var other = requests.First(r => r.Path.Contains("/gateway/bot", StringComparison.Ordinal));
        Assert.True(other.ReceivedAt - limited.ReceivedAt >= TimeSpan.FromMilliseconds(380), $"other route sent after {other.ReceivedAt - limited.ReceivedAt}");
    }

    private async Task WaitForLogAsync(string fragment)
    {
        var deadline = DateTime.UtcNow + DiscordTestHost.Timeout;
        while (!_host.Logs.Entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No log line containing '{fragment}'.");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task SendAsync_BucketExhaustedByHeaders_WaitsForResetBeforeNextCall()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/applications/@me", 200, """{"id":"1","name":"x"}""")
        {
            Headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Bucket"] = "abcd",
                ["X-RateLimit-Limit"] = "1",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = "0.4",
            },
        });

        await _host.Rest.GetCurrentApplicationAsync(CancellationToken.None);
        await _host.Rest.GetCurrentApplicationAsync(CancellationToken.None);

        var requests = _server.Requests;
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(380));
    }

    [Fact]
    public async Task SendAsync_ServerErrorThenSuccess_Retries()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 502, "<html>bad gateway</html>"));
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 500, """{"code":0,"message":"500"}"""));

        var gateway = await _host.Rest.GetGatewayBotAsync(CancellationToken.None);

        Assert.Equal(_server.GatewayUrl, gateway.Url);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsBeyondRetries_ThrowsAfterBoundedAttempts()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 503, """{"code":0,"message":"unavailable"}"""));
        }

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, _server.Requests.Count); // first try + MaxRestRetries (2)
    }

    [Fact]
    public async Task SendAsync_Unauthorized_StopsAndNeverLeaksToken()
    {
        _server.Enqueue(new ScriptedResponse("GET", "/gateway/bot", 401, """{"message":"401: Unauthorized","code":0}"""));

        var first = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.GetGatewayBotAsync(CancellationToken.None));
        var second = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.GetCurrentApplicationAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.True(_host.Rest.IsStopped);
        Assert.Single(_server.Requests);
        Assert.DoesNotContain(DiscordTestHost.Token, first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordTestHost.Token, second.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_BadRequest_ThrowsWithDiscordCodeAndRouteTemplateOnly()
    {
        _server.Enqueue(new ScriptedResponse("POST", "/interactions/", 400, """{"code":40060,"message":"Interaction has already been acknowledged."}"""));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => _host.Rest.CreateInteractionResponseAsync(
            5, "secret-interaction-token", new Models.JsonInteractionResponse(Models.InteractionCallbackType.Pong), CancellationToken.None));

        Assert.Equal(40060, ex.DiscordCode);
        Assert.Contains("/interactions/{interaction_id}/{token}/callback", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-interaction-token", ex.Message, StringComparison.Ordinal);
    }
}
