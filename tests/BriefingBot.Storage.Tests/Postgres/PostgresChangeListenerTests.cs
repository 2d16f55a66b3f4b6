using BriefingBot.Core.Cluster;
using BriefingBot.Storage.Postgres;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BriefingBot.Storage.Tests.Postgres;

/// <summary>LISTEN/NOTIFY between instances on one database: others hear a change, the sender does not, a lost connection catches up.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresChangeListenerTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    private static readonly InstanceIdentity First = new("host-a/1/aaaaaa");
    private static readonly InstanceIdentity Second = new("host-b/2/bbbbbb");

    [PostgresFact]
    public async Task PublishAsync_OnOneInstance_IsAppliedByTheOtherOnlyOnce_AndNotBySelf()
    {
        Require();
        await using var first = await ListeningAsync(First);
        await using var second = await ListeningAsync(Second);

        await new PostgresChangeBroadcast(Temp.Database, First, NullLogger<PostgresChangeBroadcast>.Instance).PublishAsync(ContentChange.Folder, TestTimeout.Token());

        await second.Folder.Applied.Task.WaitAsync(TestTimeout.Default);
        await Task.Delay(300);
        Assert.Equal(1, second.Folder.Count);
        Assert.Equal(0, second.Feeds.Count);
        Assert.Equal(0, first.Folder.Count + first.Feeds.Count);
    }

    [PostgresFact]
    public async Task LostConnection_ReconnectsAndAppliesEveryKindOnce_InCaseOneWasMissed()
    {
        Require();
        await using var listener = await ListeningAsync(Second);

        await using (var admin = await Temp.Database.OpenAsync(TestTimeout.Token()))
        await using (var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid();", admin))
        {
            Assert.Equal(1L, await kill.ExecuteScalarAsync(TestTimeout.Token()));
        }

        await listener.Folder.Applied.Task.WaitAsync(TestTimeout.Default);
        await listener.Feeds.Applied.Task.WaitAsync(TestTimeout.Default);
        Assert.Equal((1, 1), (listener.Folder.Count, listener.Feeds.Count));
    }

    private async Task<RunningListener> ListeningAsync(InstanceIdentity instance)
    {
        var folder = new CountingHandler(ContentChange.Folder);
        var feeds = new CountingHandler(ContentChange.Feeds);
        var listener = new PostgresChangeListener(Temp.Database, instance, [folder, feeds], TimeProvider.System, NullLogger<PostgresChangeListener>.Instance);
        await listener.StartAsync(TestTimeout.Token());
        await listener.Listening.WaitAsync(TestTimeout.Default);
        return new RunningListener(listener, folder, feeds);
    }

    private sealed record RunningListener(PostgresChangeListener Listener, CountingHandler Folder, CountingHandler Feeds) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            Listener.Dispose();
        }
    }

    private sealed class CountingHandler(ContentChange change) : IContentChangeHandler
    {
        private int _count;

        public ContentChange Change => change;

        public int Count => Volatile.Read(ref _count);

        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ApplyAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            Applied.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
