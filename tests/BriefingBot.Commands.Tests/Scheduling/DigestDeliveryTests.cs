using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Commands.Tests.Scheduling;

public sealed class DigestDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneCatalog Zones = new();
    private readonly Mock<IMessageSender> _sender = new();

    [Fact]
    public void Compose_FirstPost_UsesTheLatestArticles()
    {
        var post = Delivery(Articles()).Compose(Subscription(), Now);

        Assert.True(post.Ready);
        Assert.Equal(Now, post.Marker);
        Assert.Equal(["Story fresh", "Story old"], post.Message.Embeds.Single().Fields.Select(f => f.Name));
        Assert.Equal("Daily digest · Wednesday 1 July 2026", post.Message.Embeds.Single().Title);
    }

    [Fact]
    public void Compose_AfterAPost_OnlyArticlesNewSinceTheMarker()
    {
        var post = Delivery(Articles()).Compose(Subscription() with { LastPostedAt = Now.AddHours(-24) }, Now);

        Assert.Equal(["Story fresh"], post.Message.Embeds.Single().Fields.Select(f => f.Name));
    }

    [Fact]
    public void Compose_NothingNewSinceTheMarker_SaysSoInOneLine()
    {
        var post = Delivery(Articles()).Compose(Subscription() with { LastPostedAt = Now.AddMinutes(-30) }, Now);

        Assert.True(post.Ready);
        Assert.Empty(post.Message.Embeds);
        Assert.Equal("No new articles since Wed 1 Jul 07:30 (Europe/London).", post.Message.Content);
    }

    [Fact]
    public void Compose_NoArticlesLoaded_IsNotReady()
    {
        var store = new ArticleStore();

        var post = Delivery(store).Compose(Subscription(), Now);

        Assert.False(post.Ready);
    }

    [Fact]
    public async Task SendAsync_Webhook_PassesTargetNonceAndPublicMessage()
    {
        DeliveryTarget? target = null;
        Reply? sent = null;
        _sender.Setup(s => s.SendAsync(It.IsAny<DeliveryTarget>(), It.IsAny<Reply>(), It.IsAny<CancellationToken>()))
            .Callback((DeliveryTarget t, Reply r, CancellationToken _) => (target, sent) = (t, r))
            .ReturnsAsync(DeliveryResult.Delivered);
        var delivery = Delivery(Articles());
        var subscription = Subscription() with { WebhookUrl = "https://discord.com/api/webhooks/1/x" };
        var post = delivery.Compose(subscription, Now);

        var result = await delivery.SendAsync(subscription, post with { Message = post.Message with { Ephemeral = true } }, "NONCE", TestTimeout.Token());

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(new DeliveryTarget(10) { WebhookUrl = "https://discord.com/api/webhooks/1/x", Nonce = "NONCE" }, target);
        Assert.False(sent!.Ephemeral);
    }

    [Fact]
    public async Task SendAsync_SenderThrows_CountsAsTransient()
    {
        _sender.Setup(s => s.SendAsync(It.IsAny<DeliveryTarget>(), It.IsAny<Reply>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("connection reset"));
        var delivery = Delivery(Articles());

        var result = await delivery.SendAsync(Subscription(), delivery.Compose(Subscription(), Now), "N", TestTimeout.Token());

        Assert.Equal(new DeliveryResult(DeliveryStatus.TransientFailure, "connection reset"), result);
    }

    private static ArticleStore Articles() =>
        TestStores.Store(
            Now.AddDays(-5),
            ArticleBuilder.Dated("old", Now.AddDays(-3), body: "The harbour council approved a new ferry timetable for winter. Sailings start in November."),
            ArticleBuilder.Dated("fresh", Now.AddHours(-1), body: "Astronomers catalogued a bright comet visible before dawn. Telescopes tracked its tail."));

    private static DigestSubscription Subscription()
    {
        Assert.True(DailyPostTime.TryCreate("08:00", "Europe/London", Zones, out var schedule, out _));
        return new DigestSubscription(1, 10, schedule!) { Id = 1 };
    }

    private DigestDelivery Delivery(IArticleStore store) =>
        new(store, new DigestBuilder(new Summarizer()), _sender.Object, Options.Create(new ScheduledDigestOptions()), NullLogger<DigestDelivery>.Instance);
}
