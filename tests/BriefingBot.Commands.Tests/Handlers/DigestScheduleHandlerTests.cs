using BriefingBot.Commands.Access;
using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Summaries;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class DigestScheduleHandlerTests
{
    private const string Token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abc";
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneCatalog Zones = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly Mock<ISubscriptionStore> _store = new();
    private readonly Mock<IAuditLog> _audit = new();
    private readonly Mock<IMessageSender> _sender = new(MockBehavior.Strict);
    private readonly List<AuditEntry> _audited = [];

    public DigestScheduleHandlerTests()
    {
        _store.Setup(s => s.SaveAsync(It.IsAny<DigestSubscription>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DigestSubscription s, CancellationToken _) => new SubscriptionSaveResult(s with { Id = 1 }, true));
        _audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) => _audited.Add(e))
            .Returns(Task.CompletedTask);
        _audit.Setup(a => a.RecentAsync(It.IsAny<ulong?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _audited.AsEnumerable().Reverse().ToArray());
    }

    private static CancellationToken Ct => TestTimeout.Token();

    private static CommandCaller Moderator { get; } = new(42, "mod") { GuildId = 7, Permissions = CallerPermissions.ManageGuild };

    [Fact]
    public async Task AddAsync_ValidInput_CommitsAuditsAndConfirms()
    {
        var reply = await DispatchAsync("add", Moderator, ("channel", "123"), ("time", "08:00"), ("timezone", "europe/london"));

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.True(reply.Ephemeral);
        Assert.Equal("Subscribed <#123> to the daily digest at 08:00 Europe/London. First post: Thu 2 Jul 08:00 Europe/London.", reply.Content);
        _store.Verify(s => s.SaveAsync(It.Is<DigestSubscription>(x => x.GuildId == 7 && x.ChannelId == 123 && x.ActiveSince == Now && x.ChangedBy == "mod"), It.IsAny<CancellationToken>()), Times.Once);
        var entry = Assert.Single(_audited);
        Assert.Equal(("digest-schedule add", "<#123> at 08:00 Europe/London", "created", 42UL), (entry.Action, entry.Detail, entry.Outcome, entry.UserId));
    }

    [Fact]
    public async Task AddAsync_ChannelAlreadySubscribed_SaysItWasUpdated()
    {
        _store.Setup(s => s.FindAsync(7, 123, It.IsAny<CancellationToken>())).ReturnsAsync(Subscription("07:00", "UTC") with { DisabledReason = "Missing Access" });
        _store.Setup(s => s.SaveAsync(It.IsAny<DigestSubscription>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DigestSubscription s, CancellationToken _) => new SubscriptionSaveResult(s, false));

        var reply = await DispatchAsync("add", Moderator, ("channel", "123"), ("time", "18:30"), ("timezone", "Asia/Tokyo"));

        Assert.StartsWith("Updated <#123>: the daily digest now posts at 18:30 Asia/Tokyo (was 07:00 UTC).", reply.Content, StringComparison.Ordinal);
        Assert.EndsWith("It was disabled; it is enabled again.", reply.Content, StringComparison.Ordinal);
        Assert.Equal("updated (was 07:00 UTC)", Assert.Single(_audited).Outcome);
    }

    [Theory]
    [InlineData("25:00", "Europe/London", "25:00 is not a time (use HH:mm, 24-hour).")]
    [InlineData("8am", "Europe/London", "8am is not a time (use HH:mm, 24-hour).")]
    [InlineData("08:00", "Europe/Londn", "Europe/Londn is not a time zone I know (use an IANA id such as Europe/London). Did you mean Europe/London")]
    [InlineData("08:00", "Mars/Olympus", "Mars/Olympus is not a time zone I know (use an IANA id such as Europe/London).")]
    public async Task AddAsync_InvalidTimeOrZone_ExplainsAndSavesNothing(string time, string zone, string expected)
    {
        var reply = await DispatchAsync("add", Moderator, ("channel", "123"), ("time", time), ("timezone", zone));

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.StartsWith(expected, reply.Content, StringComparison.Ordinal);
        _store.Verify(s => s.SaveAsync(It.IsAny<DigestSubscription>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(_audited);
    }

    [Theory]
    [InlineData("http://discord.com/api/webhooks/123456/" + Token)]
    [InlineData("https://evil.example/api/webhooks/123456/" + Token)]
    [InlineData("https://discord.com/api/webhooks/123456")]
    public async Task AddAsync_WebhookNotDiscords_Refuses(string webhook)
    {
        var reply = await DispatchAsync("add", Moderator, ("channel", "123"), ("time", "08:00"), ("timezone", "UTC"), ("webhook", webhook));

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("doesn't look like a Discord channel webhook", reply.Content, StringComparison.Ordinal);
        _store.Verify(s => s.SaveAsync(It.IsAny<DigestSubscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123456789/" + Token)]
    [InlineData("https://discordapp.com/api/v10/webhooks/123456789/" + Token)]
    public async Task AddAsync_Webhook_IsStoredButItsTokenNeverShown(string webhook)
    {
        var reply = await DispatchAsync("add", Moderator, ("channel", "123"), ("time", "08:00"), ("timezone", "UTC"), ("webhook", webhook));

        Assert.Contains("through webhook 123456789", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, Assert.Single(_audited).Detail, StringComparison.Ordinal);
        _store.Verify(s => s.SaveAsync(It.Is<DigestSubscription>(x => x.WebhookUrl == webhook), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task AddAsync_LocalOperator_UsesLocalGuildZeroAndPlainChannel()
    {
        var reply = await DispatchAsync("add", CommandCaller.LocalOperator, ("channel", "#123"), ("time", "08:00"), ("timezone", "UTC"));

        Assert.StartsWith("Subscribed #123 ", reply.Content, StringComparison.Ordinal);
        _store.Verify(s => s.SaveAsync(It.Is<DigestSubscription>(x => x.GuildId == 0 && x.ChannelId == 123), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("list")]
    [InlineData("remove")]
    [InlineData("preview")]
    public async Task DispatchAsync_NonModerator_IsRefusedBeforeTheHandlerRuns(string subcommand)
    {
        var member = new CommandCaller(9, "member") { GuildId = 7, Permissions = CallerPermissions.None };

        var reply = await DispatchAsync(subcommand, member, ("channel", "123"), ("time", "08:00"), ("timezone", "UTC"));

        Assert.Equal(ReplyKind.Refused, reply.Kind);
        Assert.True(reply.Ephemeral);
        _store.VerifyNoOtherCalls();
        Assert.Empty(_audited);
    }

    [Fact]
    public async Task DispatchAsync_ConfiguredModeratorRole_IsAllowed()
    {
        var member = new CommandCaller(9, "helper") { GuildId = 7, RoleIds = [555] };
        _store.Setup(s => s.ListAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var reply = await DispatchAsync("list", member, new ModerationOptions { RoleIds = [555] });

        Assert.Equal(ReplyKind.Success, reply.Kind);
    }

    [Fact]
    public void Definition_DeclaresTheIssuesInterface()
    {
        var definition = CreateHandler().Definition;

        Assert.True(definition.ModeratorOnly);
        Assert.True(definition.EphemeralByDefault);
        Assert.Equal(["add", "list", "remove", "preview"], definition.Options.Select(o => o.Name));
        var add = definition.Options[0].Options;
        Assert.Equal(["channel", "time", "timezone", "webhook"], add.Select(o => o.Name));
        Assert.Equal([true, true, true, false], add.Select(o => o.Required));
        Assert.Equal(CommandOptionType.Channel, add[0].Type);
        Assert.True(add[2].Autocomplete);
    }

    [Fact]
    public async Task ListAsync_Subscriptions_ShowScheduleErrorsDisabledAndRecentChangesWithoutTokens()
    {
        _store.Setup(s => s.ListAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            Subscription("08:00", "Europe/London") with { LastPostedAt = Now.AddHours(-2), LastError = "503 Service Unavailable", LastErrorAt = Now.AddHours(-3) },
            Subscription("09:00", "UTC", channel: 456) with { DisabledReason = "Unknown Channel", WebhookUrl = "https://discord.com/api/webhooks/99999/" + Token },
        ]);
        _audited.Add(new AuditEntry(Now.AddMinutes(-5), 7, 42, "mod", "reload", "10 articles", "reloaded"));

        var reply = await DispatchAsync("list", Moderator);

        Assert.Contains("<#123> at 08:00 Europe/London — next Thu 2 Jul 08:00 Europe/London, last posted Wed 1 Jul 08:00 Europe/London. Last error (Wed 1 Jul 07:00 Europe/London): 503 Service Unavailable", reply.Content, StringComparison.Ordinal);
        Assert.Contains("<#456> at 09:00 UTC, through webhook 99999 — disabled: Unknown Channel.", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Recent changes:\n• 1 Jul 08:55 UTC · mod · reload 10 articles → reloaded", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, System.Text.Json.JsonSerializer.Serialize(reply.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_LocalOperator_ReadsTheSameGuildItRecordsChangesUnder()
    {
        _store.Setup(s => s.ListAsync(0, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        await DispatchAsync("list", CommandCaller.LocalOperator);

        _audit.Verify(a => a.RecentAsync(0, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RemoveAsync_UnknownChannel_SaysSoAndAuditsNothing()
    {
        var reply = await DispatchAsync("remove", Moderator, ("channel", "123"));

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("has no daily digest here", reply.Content, StringComparison.Ordinal);
        Assert.Empty(_audited);
    }

    [Fact]
    public async Task RemoveAsync_SubscribedChannel_RemovesAndAudits()
    {
        _store.Setup(s => s.RemoveAsync(7, 123, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var reply = await DispatchAsync("remove", Moderator, ("channel", "<#123>"));

        Assert.Equal("Removed the daily digest from <#123>.", reply.Content);
        Assert.Equal(("digest-schedule remove", "removed"), (Assert.Single(_audited).Action, _audited[0].Outcome));
    }

    [Fact]
    public async Task PreviewAsync_SubscribedChannel_ShowsNextPostPrivatelyAndWritesNothing()
    {
        _store.Setup(s => s.FindAsync(7, 123, It.IsAny<CancellationToken>())).ReturnsAsync(Subscription("08:00", "Europe/London") with { LastPostedAt = Now.AddHours(-30) });

        var reply = await DispatchAsync("preview", Moderator, ("channel", "123"));

        Assert.True(reply.Ephemeral);
        Assert.StartsWith("Preview, only you can see this.", reply.Content, StringComparison.Ordinal);
        var embed = Assert.Single(reply.Embeds);
        Assert.Equal(["Story fresh"], embed.Fields.Select(f => f.Name)); // only what is new since the marker
        _store.Verify(s => s.SaveAsync(It.IsAny<DigestSubscription>(), It.IsAny<CancellationToken>()), Times.Never);
        _sender.VerifyNoOtherCalls();
        Assert.Empty(_audited);
    }

    [Fact]
    public async Task AutocompleteAsync_Timezone_RanksCityMatchFirstWithinDiscordsLimit()
    {
        var dispatcher = Dispatcher(new ModerationOptions());
        var request = new AutocompleteRequest(CommandRequest.Create("digest-schedule", Moderator) with { Subcommand = "add" }, "timezone", "london");

        var choices = await dispatcher.AutocompleteAsync(request, Ct);

        Assert.Equal("Europe/London", choices[0].Value);
        Assert.Equal("Europe/London (now 10:00)", choices[0].Name);
        Assert.InRange(choices.Count, 1, 25);
    }

    private static DigestSubscription Subscription(string time, string zone, ulong channel = 123)
    {
        Assert.True(DailyPostTime.TryCreate(time, zone, Zones, out var schedule, out _));
        return new DigestSubscription(7, channel, schedule!) { Id = (long)channel, ActiveSince = Now.AddDays(-10) };
    }

    private DigestScheduleHandler CreateHandler()
    {
        var articles = TestStores.Store(Now.AddDays(-5), ArticleBuilder.Dated("old", Now.AddDays(-3)), ArticleBuilder.Dated("fresh", Now.AddHours(-1)));
        var delivery = new DigestDelivery(articles, new DigestBuilder(new Summarizer()), _sender.Object, Options.Create(new ScheduledDigestOptions()), NullLogger<DigestDelivery>.Instance);
        return new DigestScheduleHandler(_store.Object, delivery, _audit.Object, Zones, new StubWebhookUrlRules(), _clock);
    }

    private CommandDispatcher Dispatcher(ModerationOptions moderation) =>
        new(new CommandCatalog([CreateHandler()]), new ModeratorPolicy(Options.Create(moderation)), NullLogger<CommandDispatcher>.Instance);

    private Task<Reply> DispatchAsync(string subcommand, CommandCaller caller, params (string Name, string Value)[] options) =>
        DispatchAsync(subcommand, caller, new ModerationOptions(), options);

    private Task<Reply> DispatchAsync(string subcommand, CommandCaller caller, ModerationOptions moderation, params (string Name, string Value)[] options)
    {
        var definition = CreateHandler().Definition.Options.Single(o => o.Name == subcommand);
        var declared = options.Where(o => definition.Options.Any(d => d.Name == o.Name)).ToArray();
        return Dispatcher(moderation).DispatchAsync(CommandRequest.Create("digest-schedule", caller, declared) with { Subcommand = subcommand }, Ct);
    }
}
