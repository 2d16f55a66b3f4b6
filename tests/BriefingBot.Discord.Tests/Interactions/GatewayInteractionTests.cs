using System.Text.Json.Nodes;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Discord.Tests.Interactions;

/// <summary>Interactions delivered over the real gateway socket and answered through the fake's callback route.</summary>
public sealed class GatewayInteractionTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = DiscordTestHost.Timeout;
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;
    private Task _run = Task.CompletedTask;
    private FakeGatewayConnection _connection = null!;
    private int _sequence = 1;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        // The production DeferAfter (2 s): a shorter one could defer a fast but JIT-cold handler on a loaded machine.
        _host = DiscordTestHost.Create(_server);
        var gateway = _host.CreateGateway();
        _run = gateway.RunAsync(_stop.Token);
        _connection = await _server.NextConnectionAsync(Timeout);
        await _connection.SendHelloAsync(45000);
        await _connection.ReceiveAsync(Timeout);
        await _connection.SendReadyAsync("session-1", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, _sequence);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Timeout);
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _stop.Dispose();

    [Fact]
    public async Task Ask_AnsweredThroughCallbackWithEmbedButtonsAndNoMentions()
    {
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "What did the council decide?"));

        var callback = await DispatchAndWaitForCallbackAsync(interaction);

        var body = callback.Json!;
        Assert.Equal(4, body["type"]!.GetValue<int>());
        var data = body["data"]!;
        Assert.Empty(data["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(data["flags"]);
        var embed = data["embeds"]![0]!;
        Assert.Equal("Answer", embed["title"]!.GetValue<string>());
        Assert.Equal("rich", embed["type"]!.GetValue<string>());
        Assert.Equal("https://news.example/harbour-budget", embed["url"]!.GetValue<string>());
        Assert.Equal("What did the council decide?", embed["fields"]![0]!["value"]!.GetValue<string>());
        var buttons = data["components"]![0]!["components"]!.AsArray();
        Assert.Equal("ask|question=What did the council decide?|page=2", buttons[0]!["custom_id"]!.GetValue<string>());
        Assert.Equal(5, buttons[1]!["style"]!.GetValue<int>());
        Assert.Null(callback.Header("Authorization")); // the interaction token authorises the callback
        Assert.StartsWith("DiscordBot (", callback.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_AnsweredWithAtMost25ChoicesWithin100Characters()
    {
        var interaction = DiscordPayloads.Autocomplete("summary", DiscordPayloads.Option("article", 3, "harb", focused: true));

        var callback = await DispatchAndWaitForCallbackAsync(interaction);

        var body = callback.Json!;
        Assert.Equal(8, body["type"]!.GetValue<int>());
        var choices = body["data"]!["choices"]!.AsArray();
        Assert.Equal(25, choices.Count);
        Assert.All(choices, c => Assert.InRange(c!["name"]!.GetValue<string>().Length, 1, 100));
        Assert.All(choices, c => Assert.InRange(c!["value"]!.GetValue<string>().Length, 1, 100));
    }

    [Fact]
    public async Task ButtonClick_DecodesCustomIdAndUpdatesTheMessage()
    {
        var interaction = DiscordPayloads.Button("ask|question=What did the council decide?|page=2");

        var callback = await DispatchAndWaitForCallbackAsync(interaction);

        var body = callback.Json!;
        Assert.Equal(7, body["type"]!.GetValue<int>());
        Assert.Equal("Answer (page 2)", body["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Empty(body["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("ask|question=What did the council decide?|page=3", body["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ButtonClick_UnknownCustomId_AnswersWithEphemeralProblem()
    {
        var callback = await DispatchAndWaitForCallbackAsync(DiscordPayloads.Button(""));

        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json!["data"]!["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task ModeratorCommand_FromMemberWithoutManageServer_RefusedEphemerally()
    {
        var callback = await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("reload", permissions: 0));

        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("moderators", callback.Json!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Discord hides /reload from non-moderators only through default_member_permissions, which a server admin can
    /// override; whatever Discord lets through, the bot reads the caller's own permissions on every call.
    /// </summary>
    [Theory]
    [InlineData("command", "0")]
    [InlineData("command", "8192")] // Manage Messages: a moderator-ish permission, but not Manage Server
    [InlineData("command", "not a number")]
    [InlineData("command", "-32")]
    [InlineData("command", null)] // a DM: user only, no member, no permissions
    [InlineData("button", "0")]
    public async Task ModeratorCommand_DeliveredToANonModerator_IsRefusedByTheBotItself(string kind, string? permissions)
    {
        var interaction = kind == "button" ? DiscordPayloads.Button("reload") : DiscordPayloads.Command("reload", permissions: 0);
        if (permissions is null)
        {
            interaction["user"] = interaction["member"]!["user"]!.DeepClone();
            interaction.Remove("member");
            interaction.Remove("guild_id");
        }
        else
        {
            interaction["member"]!["permissions"] = permissions;
        }

        var callback = await DispatchAndWaitForCallbackAsync(interaction);

        var data = callback.Json!["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Contains("Only moderators", data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Reloaded", callback.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModeratorCommand_PermissionCheckedOnEveryCall_NotRememberedFromAnEarlierOne()
    {
        var allowed = await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("reload", permissions: 32));
        var refused = await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("reload", permissions: 0));

        Assert.Contains("Reloaded", allowed.Body, StringComparison.Ordinal);
        Assert.Contains("Only moderators", refused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowHandler_DefersThenEditsOriginal()
    {
        var interaction = DiscordPayloads.Command("search", 0, DiscordPayloads.Option("query", 3, "harbour"));

        var callback = await DispatchAndWaitForCallbackAsync(interaction);
        Assert.Equal(5, callback.Json!["type"]!.GetValue<int>());
        Assert.DoesNotContain(_server.Requests, r => r.Method == "PATCH");
        _host.Slow.Release();
        var edit = await _server.WaitForRequestAsync("PATCH", $"/webhooks/{FakeDiscordServer.ApplicationId}/{interaction["token"]}/messages/@original", Timeout);

        Assert.Equal("Found 3 articles about harbour.", edit.Json!["content"]!.GetValue<string>());
        Assert.Empty(edit.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.True(edit.ReceivedAt >= callback.ReceivedAt);
    }

    [Fact]
    public async Task InteractionDuringReconnect_IsAnsweredAfterResume()
    {
        _connection.Drop();
        var resumed = await _server.NextConnectionAsync(Timeout);
        await resumed.SendHelloAsync(45000);
        await resumed.ReceiveAsync(Timeout); // resume
        _connection = resumed;
        await resumed.SendDispatchAsync("RESUMED", new JsonObject(), ++_sequence);

        var callback = await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Still there?")));

        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task InteractionJustBeforeADrop_IsAnsweredExactlyOnceEvenWhenTheResumeReplaysIt()
    {
        await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Ready?"))); // READY has been read
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Before the drop?"));
        var sequence = ++_sequence;
        await _connection.SendDispatchAsync("INTERACTION_CREATE", interaction.DeepClone(), sequence);
        _connection.Drop();

        var resumed = await _server.NextConnectionAsync(Timeout);
        await resumed.SendHelloAsync(45000);
        var resume = await resumed.ReceiveAsync(Timeout);
        Assert.Equal(6, FakeGatewayConnection.Op(resume));

        // Discord replays every event after the sequence the client resumed from; this one may or may not be among them.
        await resumed.SendDispatchAsync("INTERACTION_CREATE", interaction.DeepClone(), sequence);
        await resumed.SendDispatchAsync("RESUMED", new JsonObject(), ++_sequence);
        _connection = resumed;
        await _server.WaitForRequestAsync("POST", $"/interactions/{interaction["id"]}/", Timeout);
        await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "After?")));

        Assert.Single(_server.Requests, r => r.Path.Contains($"/interactions/{interaction["id"]}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayedInteraction_IsAnsweredOnce()
    {
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Once?"));
        await _connection.SendDispatchAsync("INTERACTION_CREATE", interaction.DeepClone(), ++_sequence);

        await DispatchAndWaitForCallbackAsync(interaction);
        var second = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Next"));
        await DispatchAndWaitForCallbackAsync(second);

        Assert.Single(_server.Requests, r => r.Path.Contains($"/interactions/{interaction["id"]}/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]", "Array")]
    [InlineData("\"an interaction\"", "String")]
    [InlineData("42", "Number")]
    [InlineData("null", "missing")]
    public async Task InteractionCreateWhoseDataIsNotAnObject_IsLoggedOnceAndTheConnectionStays(string data, string kind)
    {
        await _connection.SendDispatchAsync("INTERACTION_CREATE", JsonNode.Parse(data)!, ++_sequence);

        var callback = await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Still there?")));

        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(1, _server.ConnectionCount);
        Assert.Single(_host.Logs.Entries, e => e.Message.Contains("Ignored INTERACTION_CREATE", StringComparison.Ordinal) && e.Message.Contains(kind, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("token", "")]
    [InlineData("token", null)]
    [InlineData("data", null)]
    [InlineData("member", null)]
    public async Task InteractionMissingAField_IsIgnoredWithoutCallingAnEmptyRoute(string field, string? value)
    {
        var broken = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Who?"));
        if (value is null)
        {
            broken.Remove(field);
        }
        else
        {
            broken[field] = value;
        }

        await _connection.SendDispatchAsync("INTERACTION_CREATE", broken, ++_sequence);
        await DispatchAndWaitForCallbackAsync(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "Next")));

        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains($"/interactions/{broken["id"]}/", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("//", StringComparison.Ordinal) || r.Path.EndsWith("/webhooks/" + FakeDiscordServer.ApplicationId + "/", StringComparison.Ordinal));
        Assert.Single(_host.Logs.Entries, e => e.Message.Contains("Ignored INTERACTION_CREATE", StringComparison.Ordinal));
        Assert.Equal(1, _server.ConnectionCount);
    }

    private async Task<RecordedRequest> DispatchAndWaitForCallbackAsync(JsonObject interaction)
    {
        await _connection.SendDispatchAsync("INTERACTION_CREATE", interaction.DeepClone(), ++_sequence);
        return await _server.WaitForRequestAsync("POST", $"/interactions/{interaction["id"]}/{interaction["token"]}/callback", Timeout);
    }
}
