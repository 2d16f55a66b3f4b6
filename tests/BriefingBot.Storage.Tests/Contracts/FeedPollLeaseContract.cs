using BriefingBot.Core.Cluster;
using BriefingBot.Feeds.Sources;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>What every IFeedPollLeases must do: one instance at a time polls a due feed, and a lease expires on its own.</summary>
public abstract class FeedPollLeaseContract : StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly InstanceIdentity First = new("host-a/1/aaaaaa");
    private static readonly InstanceIdentity Second = new("host-b/2/bbbbbb");

    [PostgresFact]
    public async Task TryAcquireAsync_ManyInstancesAtOnce_ExactlyOneWins()
    {
        var source = await AddDueAsync();
        var instances = Enumerable.Range(0, 8).Select(i => Provider.Leases(new InstanceIdentity($"host/{i}/000000"))).ToArray();

        var outcomes = await Task.WhenAll(instances.Select(l => l.TryAcquireAsync(source.Id, Now, Lease, Ct)));

        Assert.Single(outcomes, o => o is not null);
        Assert.Equal(source.Url, outcomes.Single(o => o is not null)!.Url);
    }

    [PostgresFact]
    public async Task TryAcquireAsync_AfterTheHolderReleases_IsRefusedWhileTheSavedStateSaysNotDue()
    {
        var source = await AddDueAsync();
        var first = Provider.Leases(First);
        Assert.NotNull(await first.TryAcquireAsync(source.Id, Now, Lease, Ct));
        await FeedSources.SaveStateAsync(source.Id, source.State with { LastPolledAt = Now, NextPollAt = Now.AddMinutes(15) }, Ct);
        await first.ReleaseAsync(source.Id, Ct);

        Assert.Null(await Provider.Leases(Second).TryAcquireAsync(source.Id, Now.AddMinutes(1), Lease, Ct));
        var later = await Provider.Leases(Second).TryAcquireAsync(source.Id, Now.AddMinutes(15), Lease, Ct);

        Assert.NotNull(later);
        Assert.Equal(Now.AddMinutes(15), later.State.NextPollAt);
    }

    [PostgresFact]
    public async Task TryAcquireAsync_HolderDiedWithoutReleasing_PassesOnOnlyWhenTheLeaseRunsOut()
    {
        var source = await AddDueAsync();
        Assert.NotNull(await Provider.Leases(First).TryAcquireAsync(source.Id, Now, Lease, Ct));

        Assert.Null(await Provider.Leases(Second).TryAcquireAsync(source.Id, Now + Lease - TimeSpan.FromSeconds(1), Lease, Ct));
        Assert.NotNull(await Provider.Leases(Second).TryAcquireAsync(source.Id, Now + Lease, Lease, Ct));
        Assert.Null(await Provider.Leases(First).TryAcquireAsync(source.Id, Now + Lease, Lease, Ct));
    }

    [PostgresFact]
    public async Task ReleaseAsync_ByAnInstanceThatLostTheLease_LeavesTheNewHoldersLeaseAlone()
    {
        var source = await AddDueAsync();
        await Provider.Leases(First).TryAcquireAsync(source.Id, Now, Lease, Ct);
        Assert.NotNull(await Provider.Leases(Second).TryAcquireAsync(source.Id, Now + Lease, Lease, Ct));

        await Provider.Leases(First).ReleaseAsync(source.Id, Ct);

        Assert.Null(await Provider.Leases(First).TryAcquireAsync(source.Id, Now + Lease, Lease, Ct));
    }

    [PostgresFact]
    public async Task TryAcquireAsync_DisabledOrAskedToWait_IsRefused()
    {
        var disabled = await AddDueAsync("https://example.org/disabled.xml");
        await FeedSources.SaveStateAsync(disabled.Id, disabled.State with { DisabledReason = "8 failures in a row" }, Ct);
        var waiting = await AddDueAsync("https://example.org/waiting.xml");
        await FeedSources.SaveStateAsync(waiting.Id, waiting.State with { RetryNotBefore = Now.AddMinutes(10) }, Ct);

        Assert.Null(await Provider.Leases(First).TryAcquireAsync(disabled.Id, Now, Lease, Ct));
        Assert.Null(await Provider.Leases(First).TryAcquireAsync(waiting.Id, Now, Lease, Ct));
        Assert.NotNull(await Provider.Leases(First).TryAcquireAsync(waiting.Id, Now.AddMinutes(10), Lease, Ct));
    }

    private async Task<FeedSource> AddDueAsync(string url = "https://example.org/world.xml") =>
        await FeedSources.AddAsync(new FeedSource { Url = url, PollInterval = TimeSpan.FromMinutes(15), AddedAt = Now, AddedBy = "mod" }, Ct);
}
