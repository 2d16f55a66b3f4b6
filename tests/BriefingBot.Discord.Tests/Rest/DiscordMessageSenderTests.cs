using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Discord.Tests.Rest;

public sealed class DiscordMessageSenderTests : IAsyncLifetime
{
    private static readonly Reply Digest = new()
    {
        Content = "Your morning digest @everyone",
        Embeds = [new ReplyEmbed { Title = "Harbour budget approved", Description = "The council voted 7–2." }],
        Ephemeral = true,
    };

    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _host = DiscordTestHost.Create(_server, s =>
        {
            s["Discord:MaxRestRetries"] = "0";
            s["Discord:InvalidRequestBudget"] = "1";
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IMessageSender Sender => _host.Services.GetRequiredService<IMessageSender>();

    [Fact]
    public async Task SendAsync_Channel_PostsAsBotWithoutMentionsOrEphemeralFlag()
    {
        var result = await Sender.SendAsync(new DeliveryTarget(710000000000000009), Digest, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/v10/channels/710000000000000009/messages", request.Path);
        Assert.Equal("Bot " + DiscordTestHost.Token, request.Header("Authorization"));
        Assert.Empty(request.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(request.Json!["flags"]);
        Assert.Null(request.Json!["nonce"]);
        Assert.Equal("Harbour budget approved", request.Json!["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_TheSameNonceTwice_SendsItEnforcedAndDiscordKeepsOneMessage()
    {
        var target = new DeliveryTarget(710000000000000009) { Nonce = "A1B2C3D4E5F6A7B8C9D0" };

        var first = await Sender.SendAsync(target, Digest, CancellationToken.None);
        var resent = await Sender.SendAsync(target, Digest, CancellationToken.None);

        Assert.Equal((DeliveryStatus.Delivered, DeliveryStatus.Delivered), (first.Status, resent.Status));
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("A1B2C3D4E5F6A7B8C9D0", r.Json!["nonce"]!.GetValue<string>());
            Assert.True(r.Json!["enforce_nonce"]!.GetValue<bool>());
        });
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(_server.ChannelMessages.In("710000000000000009"));
    }

    [Fact]
    public async Task SendAsync_WhileInvalidRequestsPauseRest_IsTransientAndRetriedWhenThePauseEnds()
    {
        _server.Enqueue(new ScriptedResponse("POST", "/channels/", 403, """{"message":"Missing Access","code":50001}"""));
        var lost = await Sender.SendAsync(new DeliveryTarget(710000000000000009), Digest, CancellationToken.None);

        var paused = await Sender.SendAsync(new DeliveryTarget(710000000000000010), Digest, CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, lost.Status);
        Assert.Equal(DeliveryStatus.TransientFailure, paused.Status);
        Assert.InRange(paused.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_WebhookUrl_ExecutesWebhookWithoutBotToken()
    {
        var target = new DeliveryTarget(1) { WebhookUrl = _server.ApiBaseUrl + "/webhooks/123/webhook-secret" };

        var result = await Sender.SendAsync(target, Digest, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/v10/webhooks/123/webhook-secret?wait=true", request.Path);
        Assert.Null(request.Header("Authorization"));
        Assert.Empty(request.Json!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Theory]
    [InlineData(403, 50013, DeliveryStatus.PermanentFailure)]
    [InlineData(403, 50001, DeliveryStatus.PermanentFailure)]
    [InlineData(404, 10003, DeliveryStatus.PermanentFailure)]
    [InlineData(404, 0, DeliveryStatus.PermanentFailure)]
    [InlineData(400, 50035, DeliveryStatus.PermanentFailure)]
    [InlineData(503, 0, DeliveryStatus.TransientFailure)]
    public async Task SendAsync_ErrorStatus_MapsToDeliveryStatus(int status, int code, DeliveryStatus expected)
    {
        _server.Enqueue(new ScriptedResponse("POST", "/messages", status, $$"""{"code":{{code}},"message":"nope"}"""));

        var result = await Sender.SendAsync(new DeliveryTarget(710000000000000009), Digest, CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task SendAsync_LongRateLimit_TransientWithRetryAfter()
    {
        _server.Enqueue(new ScriptedResponse("POST", "/messages", 429, """{"message":"slow down","retry_after":120.5,"global":false}"""));

        var result = await Sender.SendAsync(new DeliveryTarget(710000000000000009), Digest, CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120.5), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ServerUnreachable_TransientFailure()
    {
        var target = new DeliveryTarget(1) { WebhookUrl = "http://127.0.0.1:1/api/webhooks/1/x" };

        var result = await Sender.SendAsync(target, Digest, CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.DoesNotContain("/x", result.Detail ?? "", StringComparison.Ordinal);
        Assert.IsType<DiscordMessageSender>(Sender);
    }
}
