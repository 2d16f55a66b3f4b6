using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Interactions;

/// <summary>HTTP mode: the mapped endpoint in the ASP.NET Core test host, signed with a key pair made here.</summary>
public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = DiscordTestHost.Timeout;
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

    [Fact]
    public async Task Post_PingWithValidSignature_AnswersPong()
    {
        using var response = await PostAsync(DiscordPayloads.Ping().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, body["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_CommandWithValidSignature_AnswersInResponseBody()
    {
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "What did the council decide?"));

        using var response = await PostAsync(interaction.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(4, body["type"]!.GetValue<int>());
        Assert.Equal("Answer", body["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Empty(body["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_FlippedByteInBody_Returns401()
    {
        var body = Encoding.UTF8.GetBytes(DiscordPayloads.Ping().ToJsonString());
        var timestamp = Now();
        var signature = Sign(timestamp, body);
        body[^2] ^= 0x01;

        using var response = await SendAsync(body, signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_FlippedByteInSignature_Returns401()
    {
        var body = Encoding.UTF8.GetBytes(DiscordPayloads.Ping().ToJsonString());
        var timestamp = Now();
        var signature = Sign(timestamp, body).ToCharArray();
        signature[10] = signature[10] == '0' ? '1' : '0';

        using var response = await SendAsync(body, new string(signature), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Post_MissingSignatureHeaders_Returns401(bool withSignature, bool withTimestamp)
    {
        var body = Encoding.UTF8.GetBytes(DiscordPayloads.Ping().ToJsonString());
        var timestamp = Now();

        using var response = await SendAsync(body, withSignature ? Sign(timestamp, body) : null, withTimestamp ? timestamp : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_StaleTimestampWithValidSignature_IsRejected()
    {
        var body = Encoding.UTF8.GetBytes(DiscordPayloads.Ping().ToJsonString());
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var response = await SendAsync(body, Sign(stale, body), stale);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SlowCommand_DefersInBodyThenEditsOriginal()
    {
        var interaction = DiscordPayloads.Command("search", 0, DiscordPayloads.Option("query", 3, "harbour"));

        using var response = await PostAsync(interaction.ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(5, body["type"]!.GetValue<int>());
        _http.Services.GetServices<BriefingBot.Commands.ICommandHandler>().OfType<SlowHandler>().Single().Release();
        var edit = await _server.WaitForRequestAsync("PATCH", $"/webhooks/{FakeDiscordServer.ApplicationId}/{interaction["token"]}/messages/@original", Timeout);

        Assert.Equal("Found 3 articles about harbour.", edit.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SignedBodyWithInvalidUtf8_Returns400AndRunsNothing()
    {
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "QQQQ"));
        var text = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        var at = text.AsSpan().IndexOf("QQQQ"u8);
        var body = text.ToArray();
        body[at] = 0xC3; // a lead byte followed by ASCII, and a lone continuation byte: not UTF-8
        body[at + 2] = 0xFF;

        using var response = await SendAsync(body, Sign(Now(), body), Now());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_http.Logs.Entries, e => e.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
        Assert.DoesNotContain(_http.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/interactions/", StringComparison.Ordinal) || r.Path.Contains("/webhooks/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no token", "token", null)]
    [InlineData("no token", "token", "")]
    [InlineData("no id", "id", null)]
    [InlineData("no id", "id", "0")]
    [InlineData("no application id", "application_id", null)]
    [InlineData("no data", "data", null)]
    [InlineData("no member or user", "member", null)]
    [InlineData("not URL-safe", "token", "../../channels/1/messages")]
    public async Task Post_InteractionMissingAField_Returns400AndCallsNoRoute(string reason, string field, string? value)
    {
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "What did the council decide?"));
        if (value is null)
        {
            interaction.Remove(field);
        }
        else
        {
            interaction[field] = value;
        }

        using var response = await PostAsync(interaction.ToJsonString());
        await Task.Delay(200); // a deferred edit or follow-up would be on its way by now

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_http.Logs.Entries, e => e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(_http.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/interactions/", StringComparison.Ordinal) || r.Path.Contains("/webhooks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ReplayedSignedRequestInsideTheWindow_Returns409AndAnswersOnce()
    {
        var body = Encoding.UTF8.GetBytes(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "What did the council decide?")).ToJsonString());
        var timestamp = Now();
        var signature = Sign(timestamp, body);

        using var first = await SendAsync(body, signature, timestamp);
        using var replay = await SendAsync(body, signature, timestamp);
        using var other = await PostAsync(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Another?")).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(0, replay.Content.Headers.ContentLength ?? 0);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Single(_http.Logs.Entries, e => e.Message.Contains("replayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SamePingTwiceOrABarePing_AlwaysAnswersPong()
    {
        var ping = DiscordPayloads.Ping();
        var bare = new JsonObject { ["type"] = 1 };

        using var first = await PostAsync(ping.ToJsonString());
        using var again = await PostAsync(ping.ToJsonString());
        using var minimal = await PostAsync(bare.ToJsonString());

        foreach (var response in new[] { first, again, minimal })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task StartAsync_HttpMode_RegistersCommandsOnceAndSkipsIdenticalRestart()
    {
        await _server.WaitForRequestAsync("PUT", "/commands", Timeout);

        using var second = await _http.StartHostAsync();
        await _server.WaitForRequestAsync(_ => CommandReads() >= 2, Timeout);
        await second.StopAsync();

        Assert.Single(_server.Requests, r => r.Method == "PUT");
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/gateway", StringComparison.Ordinal)); // no gateway in HTTP mode
    }

    private int CommandReads() => _server.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/commands", StringComparison.Ordinal));

    private Task<HttpResponseMessage> PostAsync(string json) => _http.PostAsync(json);

    private Task<HttpResponseMessage> SendAsync(byte[] body, string? signature, string? timestamp) => _http.SendAsync(body, signature, timestamp);

    private string Sign(string timestamp, byte[] body) => _http.Sign(timestamp, body);

    private static string Now() => SignedInteractionsHost.Now();
}
