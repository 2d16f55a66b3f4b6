using System.Collections.Concurrent;
using BriefingBot.Core.Cluster;
using BriefingBot.Discord.Interactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests.Interactions;

/// <summary>HTTP mode's replay memory, alone and shared by instances behind one load balancer.</summary>
public sealed class HttpReplayGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TryClaimAsync_OneInstance_RefusesTheSecondCopy()
    {
        var guard = Guard(null);

        Assert.True(await guard.TryClaimAsync(42, CancellationToken.None));
        Assert.False(await guard.TryClaimAsync(42, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_ReplaySentToAnotherInstance_IsRefusedThroughTheSharedClaims()
    {
        var shared = new MemoryClaims();
        var first = Guard(shared);
        var second = Guard(shared);

        Assert.True(await first.TryClaimAsync(42, CancellationToken.None));
        Assert.False(await second.TryClaimAsync(42, CancellationToken.None));
        Assert.True(await second.TryClaimAsync(43, CancellationToken.None));
        Assert.Equal(TimeSpan.FromMinutes(11), shared.KeptFor); // twice the 5-minute freshness window, plus a minute
    }

    [Fact]
    public async Task TryClaimAsync_SharedClaimsUnreachable_StillAnswersAndStillRefusesItsOwnReplays()
    {
        var guard = Guard(new FailingClaims());

        Assert.True(await guard.TryClaimAsync(42, CancellationToken.None));
        Assert.False(await guard.TryClaimAsync(42, CancellationToken.None));
    }

    private HttpReplayGuard Guard(ISharedClaims? shared) =>
        new(Options.Create(new DiscordOptions()), _clock, NullLogger<HttpReplayGuard>.Instance, shared);

    private sealed class MemoryClaims : ISharedClaims
    {
        private readonly ConcurrentDictionary<string, bool> _keys = new(StringComparer.Ordinal);

        public TimeSpan KeptFor { get; private set; }

        public Task<bool> TryClaimAsync(string key, TimeSpan keepFor, CancellationToken cancellationToken)
        {
            KeptFor = keepFor;
            return Task.FromResult(_keys.TryAdd(key, true));
        }
    }

    private sealed class FailingClaims : ISharedClaims
    {
        public Task<bool> TryClaimAsync(string key, TimeSpan keepFor, CancellationToken cancellationToken) =>
            Task.FromException<bool>(new TimeoutException("the database did not answer"));
    }
}
