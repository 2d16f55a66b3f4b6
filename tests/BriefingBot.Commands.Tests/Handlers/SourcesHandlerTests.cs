using BriefingBot.Commands.Access;
using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;
using BriefingBot.Feeds.Polling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class SourcesHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly Mock<IFeedSourceManager> _sources = new();
    private readonly Mock<IAuditLog> _audit = new();
    private readonly List<AuditEntry> _audited = [];

    public SourcesHandlerTests()
    {
        _audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) => _audited.Add(e))
            .Returns(Task.CompletedTask);
        _sources.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Harbour, Coast]);
    }

    private static CancellationToken Ct => TestTimeout.Token();

    private static CommandCaller Moderator { get; } = new(42, "mod") { GuildId = 7, Permissions = CallerPermissions.ManageGuild };

    private static FeedSource Harbour { get; } = new()
    {
        Id = 1,
        Url = "https://harbour.example.org/feed.xml",
        PollInterval = TimeSpan.FromMinutes(15),
        AddedAt = Now.AddDays(-1),
        State = new FeedFetchState { Title = "Harbour Times", ItemCount = 42, LastSuccessAt = Now.AddMinutes(-5), NextPollAt = Now.AddMinutes(10) },
    };

    private static FeedSource Coast { get; } = new()
    {
        Id = 2,
        Url = "https://coast.example.org/rss",
        Name = "Coast Weekly",
        PollInterval = TimeSpan.FromMinutes(60),
        AddedAt = Now.AddDays(-3),
        Origin = FeedSourceOrigin.Settings,
        State = new FeedFetchState { ConsecutiveFailures = 8, LastError = "HTTP 500 (Internal Server Error)", DisabledReason = "8 failed polls in a row, the last: HTTP 500 (Internal Server Error)" },
    };

    [Fact]
    public async Task Add_ValidFeed_SubscribesReadsOnceAndAudits()
    {
        _sources.Setup(s => s.AddAsync("https://new.example.org/atom", "New", 30, "mod", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceAddResult(Harbour with { Id = 3, Url = "https://new.example.org/atom", Name = "New", PollInterval = TimeSpan.FromMinutes(30) },
                new PollResult(3, "New", PollOutcome.Updated) { Added = 20 }));

        var reply = await DispatchAsync("add", Moderator, ("url", "https://new.example.org/atom"), ("name", "New"), ("poll", "30"));

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.True(reply.Ephemeral);
        Assert.Equal("Subscribed to **New** (#3), read every 30 min. First read: 20 new, 0 changed.", reply.Content);
        var entry = Assert.Single(_audited);
        Assert.Equal(("sources add", "added, first read: 20 new, 0 changed", 42UL, (ulong?)7), (entry.Action, entry.Outcome, entry.UserId, entry.GuildId));
    }

    [Fact]
    public async Task Add_BadUrl_IsAFriendlyPrivateProblemAndAudited()
    {
        _sources.Setup(s => s.AddAsync("ftp://x", null, null, "mod", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceAddResult(null, null) { Problem = "only http and https addresses can be fetched, not ftp" });

        var reply = await DispatchAsync("add", Moderator, ("url", "ftp://x"));

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.True(reply.Ephemeral);
        Assert.Equal("I can't add that feed: only http and https addresses can be fetched, not ftp.", reply.Content);
        Assert.StartsWith("refused:", Assert.Single(_audited).Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_PollThatIsNotANumber_IsAProblem()
    {
        var reply = await DispatchAsync("add", Moderator, ("url", "https://x.example.org/feed"), ("poll", "often"));

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        _sources.Verify(s => s.AddAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task List_ShowsEachFeedAndWhyADisabledOneStopped()
    {
        var reply = await DispatchAsync("list", Moderator);

        Assert.Equal(
            """
            Feeds (2):
            • #1 **Harbour Times** <https://harbour.example.org/feed.xml> every 15 min, 42 articles — last read 08:55 UTC, next 09:10 UTC
            • #2 **Coast Weekly** <https://coast.example.org/rss> every 60 min, 0 articles (from settings) — **disabled**: 8 failed polls in a row, the last: HTTP 500 (Internal Server Error). /sources refresh source:2 re-enables it.
            """.ReplaceLineEndings("\n"),
            reply.Content);
        Assert.Equal(2, Assert.IsType<SourceView[]>(reply.Data).Length);
    }

    [Fact]
    public async Task Remove_ByAutocompletedId_RemovesAndAudits()
    {
        _sources.Setup(s => s.RemoveAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync(Harbour);

        var reply = await DispatchAsync("remove", Moderator, ("source", "1"));

        Assert.Equal("Removed **Harbour Times** (#1) and its 42 articles.", reply.Content);
        Assert.Equal(("sources remove", "removed"), (Assert.Single(_audited).Action, _audited[0].Outcome));
    }

    [Fact]
    public async Task Remove_UnknownFeed_IsAProblem()
    {
        var reply = await DispatchAsync("remove", Moderator, ("source", "nope"));

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        _sources.Verify(s => s.RemoveAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Refresh_ByName_ReadsThatFeedAndReportsIt()
    {
        _sources.Setup(s => s.RefreshAsync(2, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new PollResult(2, "Coast Weekly", PollOutcome.Updated) { Added = 3, Changed = 1 }]);

        var reply = await DispatchAsync("refresh", Moderator, ("source", "coast weekly"));

        Assert.Equal("Read now:\n• #2 Coast Weekly: 3 new, 1 changed", reply.Content);
        Assert.Equal(("sources refresh", "#2"), (Assert.Single(_audited).Action, _audited[0].Detail));
    }

    [Fact]
    public async Task AnyVerb_FromANonModerator_IsRefused()
    {
        var reply = await DispatchAsync("list", new CommandCaller(5, "reader") { GuildId = 7 });

        Assert.Equal(ReplyKind.Refused, reply.Kind);
        _sources.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Autocomplete_SuggestsFeedsByNameOrUrl()
    {
        var request = new AutocompleteRequest(CommandRequest.Create("sources", Moderator) with { Subcommand = "remove" }, "source", "coast");

        var choices = await CreateHandler().AutocompleteAsync(request, Ct);

        Assert.Equal([new CommandChoice("#2 Coast Weekly (disabled)", "2")], choices);
    }

    private SourcesHandler CreateHandler() => new(_sources.Object, _audit.Object, _clock);

    private Task<Reply> DispatchAsync(string subcommand, CommandCaller caller, params (string Name, string Value)[] options)
    {
        var dispatcher = new CommandDispatcher(new CommandCatalog([CreateHandler()]), new ModeratorPolicy(Options.Create(new ModerationOptions())), NullLogger<CommandDispatcher>.Instance);
        return dispatcher.DispatchAsync(CommandRequest.Create("sources", caller, options) with { Subcommand = subcommand }, Ct);
    }
}
