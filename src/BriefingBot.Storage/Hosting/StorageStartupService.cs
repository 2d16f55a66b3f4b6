using BriefingBot.Storage.Sqlite;
using Microsoft.Extensions.Hosting;

namespace BriefingBot.Storage.Hosting;

/// <summary>Creates and migrates the database at start-up, so a bad path or a too-new file fails the start, not the first post.</summary>
public sealed class StorageStartupService(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
