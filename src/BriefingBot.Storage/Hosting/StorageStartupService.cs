using Microsoft.Extensions.Hosting;

namespace BriefingBot.Storage.Hosting;

/// <summary>
/// Creates and migrates the database at start-up, so a bad path, an unreachable server or a too-new schema fails the
/// start, not the first post.
/// </summary>
public sealed class StorageStartupService(IStateDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
