using BriefingBot.Core.Cluster;
using BriefingBot.Feeds.Sources;
using BriefingBot.Testing;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>One provider's stores over a fresh, empty database, for the contract tests to run against.</summary>
public interface IStoreProvider : IAsyncDisposable
{
    TimerAwareFakeTimeProvider Clock { get; }

    /// <summary>The stores over the current database object (new objects each time, as the container would make once).</summary>
    StoreSet Stores { get; }

    /// <summary>Feed-poll leases as the named instance holds them (several instances over one database).</summary>
    IFeedPollLeases Leases(InstanceIdentity instance);

    /// <summary>A new database object over the same data, as a restarted process would have.</summary>
    Task RestartAsync();
}
