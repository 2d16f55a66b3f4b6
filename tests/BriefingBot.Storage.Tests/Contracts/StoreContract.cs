using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Testing;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>
/// The base of the store contract tests: each test gets a fresh database from the provider the subclass names, so
/// the same assertions hold SQLite and PostgreSQL to the same behaviour. Tests are <c>[PostgresFact]</c> so that the
/// PostgreSQL subclass skips (or, in CI, fails) with the reason when no server could start; for SQLite it is a plain fact.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private IStoreProvider? _provider;

    protected IStoreProvider Provider => _provider ?? throw new InvalidOperationException("The provider is created in InitializeAsync.");

    protected TimerAwareFakeTimeProvider Clock => Provider.Clock;

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected ISubscriptionStore Subscriptions => Provider.Stores.Subscriptions;

    protected IDeliveryLedger Ledger => Provider.Stores.Ledger;

    protected IAuditLog Audit => Provider.Stores.Audit;

    protected IFeedSourceStore FeedSources => Provider.Stores.FeedSources;

    protected IFeedItemStore FeedItems => Provider.Stores.FeedItems;

    protected static CancellationToken Ct => TestTimeout.Token();

    public async Task InitializeAsync() => _provider = await CreateProviderAsync();

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    protected abstract Task<IStoreProvider> CreateProviderAsync();
}
