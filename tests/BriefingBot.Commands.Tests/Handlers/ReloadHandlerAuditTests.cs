using BriefingBot.Commands.Access;
using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class ReloadHandlerAuditTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);
    private readonly TaskCompletionSource<ArticleLoadResult> _load = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _loading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<AuditEntry> _audited = [];
    private readonly ContentReloader _reloader;
    private readonly CommandDispatcher _dispatcher;

    public ReloadHandlerAuditTests()
    {
        var loader = new Mock<IArticleLoader>();
        loader.Setup(l => l.LoadFolderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                _loading.TrySetResult();
                return _load.Task;
            });
        var clock = new FakeTimeProvider(Now);
        _reloader = new ContentReloader(loader.Object, TestStores.Store(Now), Options.Create(new ContentOptions()), clock, NullLogger<ContentReloader>.Instance);
        var audit = new Mock<IAuditLog>();
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) =>
            {
                lock (_audited)
                {
                    _audited.Add(e);
                }
            })
            .Returns(Task.CompletedTask);
        _dispatcher = new CommandDispatcher(
            new CommandCatalog([new ReloadHandler(_reloader, audit.Object, clock)]),
            new ModeratorPolicy(Options.Create(new ModerationOptions())),
            NullLogger<CommandDispatcher>.Instance);
    }

    private static CommandCaller Moderator { get; } = new(42, "mod") { GuildId = 7, Permissions = CallerPermissions.ManageGuild };

    [Fact]
    public async Task DispatchAsync_SecondReloadWhileOneRuns_IsRefusedPolitelyAndBothAreAudited()
    {
        var first = _dispatcher.DispatchAsync(CommandRequest.Create("reload", Moderator), TestTimeout.Token());
        await _loading.Task.WaitAsync(TestTimeout.Default);

        var second = await _dispatcher.DispatchAsync(CommandRequest.Create("reload", Moderator with { UserId = 43, DisplayName = "other" }), TestTimeout.Token());
        _load.SetResult(new ArticleLoadResult([ArticleBuilder.Dated("new", Now)], []));
        var firstReply = await first.WaitAsync(TestTimeout.Default);

        Assert.Equal("A reload is already running; try again in a moment.", second.Content);
        Assert.True(second.Ephemeral);
        Assert.StartsWith("Reloaded 1 articles", firstReply.Content, StringComparison.Ordinal);
        Assert.Equal(
            [("other", "refused: a reload was already running"), ("mod", "reloaded")],
            _audited.Select(e => (e.UserName, e.Outcome)));
        Assert.All(_audited, e => Assert.Equal((7UL, "reload", Now), (e.GuildId!.Value, e.Action, e.At)));
    }

    [Fact]
    public async Task DispatchAsync_NonModerator_IsRefusedAndNothingReloads()
    {
        var member = new CommandCaller(9, "member") { GuildId = 7 };

        var reply = await _dispatcher.DispatchAsync(CommandRequest.Create("reload", member), TestTimeout.Token());

        Assert.Equal(ReplyKind.Refused, reply.Kind);
        Assert.Contains("Only moderators", reply.Content, StringComparison.Ordinal);
        Assert.False(_loading.Task.IsCompleted);
        Assert.Empty(_audited);
    }

    public void Dispose() => _reloader.Dispose();
}
