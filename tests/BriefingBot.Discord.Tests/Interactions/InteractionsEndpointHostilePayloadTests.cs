using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace BriefingBot.Discord.Tests.Interactions;

/// <summary>
/// Bad bodies at the signed endpoint: each gets the right status (401 for signatures and timestamps, 4xx for
/// malformed bodies, a polite 200 for well-formed requests the bot cannot serve), one log line at most, never a 5xx
/// and never an error-level log.
/// </summary>
public sealed class InteractionsEndpointHostilePayloadTests : IAsyncLifetime
{
    private FakeDiscordServer _server = null!;
    private SignedInteractionsHost _http = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _http = await SignedInteractionsHost.StartAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await _http.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("malformed JSON", 400)]
    [InlineData("JSON array", 400)]
    [InlineData("JSON string", 400)]
    [InlineData("JSON null", 400)]
    [InlineData("deeply nested JSON", 400)]
    [InlineData("2 MB body", 413)]
    [InlineData("signed with another key", 401)]
    [InlineData("timestamp in the future", 401)]
    [InlineData("timestamp not a number", 401)]
    [InlineData("type as a string", 400)]
    public async Task Post_HostileBody_GetsTheRightStatusAndOneLogLine(string kind, int expected)
    {
        using var response = await SendHostileAsync(kind);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Single(_http.Logs.Entries, e => e.Message.StartsWith("Refused an interaction request", StringComparison.Ordinal));
        Assert.DoesNotContain(_http.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/interactions/", StringComparison.Ordinal) || r.Path.Contains("/webhooks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_FloodOfForgedRequests_IsRefusedEachTimeButLoggedOnce()
    {
        var body = Encoding.UTF8.GetBytes(DiscordPayloads.Ping().ToJsonString());
        var now = SignedInteractionsHost.Now();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 40; i++)
        {
            using var response = await _http.SendAsync(body, SignedInteractionsHost.Sign(OtherKey(), now, body), now);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Single(_http.Logs.Entries, e => e.Message.StartsWith("Refused an interaction request", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown interaction type")]
    [InlineData("unknown command")]
    [InlineData("option of the wrong type")]
    [InlineData("option that is an object")]
    public async Task Post_WellFormedButUnservable_GetsAPoliteReplyNot5xx(string kind)
    {
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "What did the council decide?"));
        switch (kind)
        {
            case "unknown interaction type":
                interaction["type"] = 42;
                break;
            case "unknown command":
                interaction["data"]!["name"] = "launch-missiles";
                break;
            case "option of the wrong type":
                interaction["data"]!["options"] = new JsonArray(DiscordPayloads.Option("question", 4, 12345));
                break;
            default:
                interaction["data"]!["options"] = new JsonArray(DiscordPayloads.Option("question", 3, new JsonObject { ["nested"] = "x" }));
                break;
        }

        using var response = await _http.PostAsync(interaction.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(4, body["type"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(body["data"]!["content"]?.GetValue<string>() ?? body["data"]!["embeds"]?.ToJsonString()));
        Assert.Empty(body["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.DoesNotContain(_http.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private Task<HttpResponseMessage> SendHostileAsync(string kind)
    {
        var now = SignedInteractionsHost.Now();
        var valid = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Hello?"));
        switch (kind)
        {
            case "signed with another key":
                var body = Encoding.UTF8.GetBytes(valid.ToJsonString());
                return _http.SendAsync(body, SignedInteractionsHost.Sign(OtherKey(), now, body), now);
            case "timestamp in the future":
                var future = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                return SignedAsync(Encoding.UTF8.GetBytes(valid.ToJsonString()), future);
            case "timestamp not a number":
                return SignedAsync(Encoding.UTF8.GetBytes(valid.ToJsonString()), "yesterday");
            case "type as a string":
                valid["type"] = "two";
                return SignedAsync(Encoding.UTF8.GetBytes(valid.ToJsonString()), now);
            default:
                return SignedAsync(Body(kind), now);
        }
    }

    private Task<HttpResponseMessage> SignedAsync(byte[] body, string timestamp) => _http.SendAsync(body, _http.Sign(timestamp, body), timestamp);

    private static byte[] Body(string kind) => kind switch
    {
        "malformed JSON" => """{"id":"1","type":2,"data":{"name":"ask" """u8.ToArray(),
        "JSON array" => "[1,2,3]"u8.ToArray(),
        "JSON string" => "\"an interaction\""u8.ToArray(),
        "JSON null" => "null"u8.ToArray(),
        "deeply nested JSON" => Encoding.UTF8.GetBytes("{\"id\":\"1\",\"type\":2,\"data\":" + new string('[', 5000) + new string(']', 5000) + "}"),
        "2 MB body" => Encoding.UTF8.GetBytes("{\"id\":\"1\",\"pad\":\"" + new string('a', 2 * 1024 * 1024) + "\"}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Ed25519PrivateKeyParameters OtherKey()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return (Ed25519PrivateKeyParameters)generator.GenerateKeyPair().Private;
    }
}
