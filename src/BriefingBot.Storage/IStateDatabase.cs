namespace BriefingBot.Storage;

/// <summary>What start-up and health checks need from either provider's database, without knowing which it is.</summary>
public interface IStateDatabase
{
    /// <summary>Where the state lives, fit for logs and health output: a file path or host/database, never a password.</summary>
    string Description { get; }

    int LatestVersion { get; }

    /// <summary>Creates and migrates the schema if that has not happened yet in this process.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection and runs a trivial query; throws when the database cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
