using BriefingBot.Commands.Access;
using BriefingBot.Commands.Cooldowns;
using BriefingBot.Commands.Replies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace BriefingBot.Commands.Tests.Cooldowns;

public sealed class CommandCooldownsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private static CommandCaller User(ulong id, ulong? guild = 1) => new(id, "user" + id) { GuildId = guild };

    private CommandCooldowns Cooldowns(int perUser = 3, int perGuild = 100, bool enabled = true) =>
        new(Options.Create(new CooldownOptions
        {
            Enabled = enabled,
            PerUser = new CooldownLimit { Count = perUser, Window = TimeSpan.FromSeconds(30) },
            PerGuild = new CooldownLimit { Count = perGuild, Window = TimeSpan.FromSeconds(60) },
        }), _clock);

    [Fact]
    public void TryAcquire_AfterTheBurst_RefusesWithTheTimeUntilTheNextUse()
    {
        var cooldowns = Cooldowns(perUser: 3);

        var allowed = Enumerable.Range(0, 3).Select(_ => cooldowns.TryAcquire("ask", User(7))).ToArray();
        var refused = cooldowns.TryAcquire("ask", User(7));

        Assert.All(allowed, r => Assert.True(r.Allowed));
        Assert.False(refused.Allowed);
        Assert.Equal("user", refused.Scope);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter); // 3 per 30 s: one back every 10 s
    }

    [Fact]
    public void TryAcquire_AfterWaitingTheRetryTime_AllowsOneMore()
    {
        var cooldowns = Cooldowns(perUser: 3);
        for (var i = 0; i < 3; i++)
        {
            cooldowns.TryAcquire("search", User(7));
        }

        _clock.Advance(TimeSpan.FromSeconds(9));
        var early = cooldowns.TryAcquire("search", User(7));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var onTime = cooldowns.TryAcquire("search", User(7));
        var again = cooldowns.TryAcquire("search", User(7));

        Assert.False(early.Allowed);
        Assert.True(onTime.Allowed);
        Assert.False(again.Allowed);
    }

    [Fact]
    public void TryAcquire_ManyUsersOfOneGuild_MeetTheGuildLimit_OtherGuildsDoNot()
    {
        var cooldowns = Cooldowns(perUser: 10, perGuild: 4);

        var busyGuild = Enumerable.Range(1, 5).Select(i => cooldowns.TryAcquire("summary", User((ulong)i, guild: 1))).ToArray();
        var otherGuild = cooldowns.TryAcquire("summary", User(99, guild: 2));

        Assert.Equal([true, true, true, true, false], busyGuild.Select(r => r.Allowed));
        Assert.Equal("guild", busyGuild[^1].Scope);
        Assert.True(otherGuild.Allowed);
    }

    [Fact]
    public void TryAcquire_RefusedByTheGuild_DoesNotUseTheUsersAllowance()
    {
        var cooldowns = Cooldowns(perUser: 2, perGuild: 1);
        cooldowns.TryAcquire("ask", User(1, guild: 1));

        var refusedInBusyGuild = Enumerable.Range(0, 5).Select(_ => cooldowns.TryAcquire("ask", User(2, guild: 1)).Allowed).ToArray();
        var elsewhere = new[] { cooldowns.TryAcquire("ask", User(2, guild: 3)).Allowed, cooldowns.TryAcquire("ask", User(2, guild: 4)).Allowed };

        Assert.All(refusedInBusyGuild, Assert.False);
        Assert.All(elsewhere, Assert.True);
    }

    [Theory]
    [InlineData("articles", 7ul, 1ul, true)]
    [InlineData("help", 7ul, 1ul, true)]
    [InlineData("ask", 0ul, null, true)]
    [InlineData("ask", 7ul, 1ul, false)]
    public void TryAcquire_CheapCommandsAndTheConsoleOperator_AreNeverLimited(string command, ulong user, ulong? guild, bool stillAllowed)
    {
        var cooldowns = Cooldowns(perUser: 1);
        cooldowns.TryAcquire(command, new CommandCaller(user, "x") { GuildId = guild });

        var second = cooldowns.TryAcquire(command, new CommandCaller(user, "x") { GuildId = guild });

        Assert.Equal(stillAllowed, second.Allowed);
    }

    [Fact]
    public void TryAcquire_Disabled_AllowsEverything()
    {
        var cooldowns = Cooldowns(perUser: 1, perGuild: 1, enabled: false);

        var results = Enumerable.Range(0, 20).Select(_ => cooldowns.TryAcquire("ask", User(7))).ToArray();

        Assert.All(results, r => Assert.True(r.Allowed));
    }

    [Fact]
    public void TryAcquire_IdleUsers_AreForgottenSoMemoryStaysBounded()
    {
        var cooldowns = Cooldowns(perUser: 5, perGuild: 100_000);
        for (ulong i = 1; i <= 1000; i++)
        {
            cooldowns.TryAcquire("ask", User(i));
        }

        var before = cooldowns.Tracked;
        _clock.Advance(TimeSpan.FromMinutes(5));
        for (ulong i = 1; i <= 200; i++)
        {
            cooldowns.TryAcquire("ask", User(100_000 + i, guild: 2));
        }

        Assert.Equal(1001, before);
        Assert.True(cooldowns.Tracked < 1000, $"{cooldowns.Tracked} buckets still tracked");
    }

    [Fact]
    public async Task DispatchAsync_OnCooldown_RepliesPrivatelyWithSecondsAndSkipsTheHandler()
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Definition).Returns(new CommandDefinition("ask", "Ask") { Options = [new("question", "q", CommandOptionType.String) { Required = true }] });
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Reply.Text("answer"));
        var dispatcher = new CommandDispatcher(new CommandCatalog([handler.Object]), new ModeratorPolicy(Options.Create(new ModerationOptions())), NullLogger<CommandDispatcher>.Instance, Cooldowns(perUser: 1));
        var request = CommandRequest.Create("ask", User(7), ("question", "why?"));

        var first = await dispatcher.DispatchAsync(request, CancellationToken.None);
        var second = await dispatcher.DispatchAsync(request, CancellationToken.None);

        Assert.Equal("answer", first.Content);
        Assert.True(second.Ephemeral);
        Assert.Equal(ReplyKind.Problem, second.Kind);
        Assert.Equal("You're using /ask a lot right now. Please try again in 30 s.", second.Content);
        handler.Verify(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(0, 30, "PerUser:Count")]
    [InlineData(5, 0, "PerUser:Window")]
    [InlineData(5, -1, "PerUser:Window")]
    public void Validator_RejectsLimitsThatMakeNoSense(int count, int windowSeconds, string expected)
    {
        var options = new CooldownOptions { PerUser = new CooldownLimit { Count = count, Window = TimeSpan.FromSeconds(windowSeconds) } };

        var result = new CooldownOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_AcceptsTheDefaults()
    {
        Assert.True(new CooldownOptionsValidator().Validate(null, new CooldownOptions()).Succeeded);
    }
}
